package kr.go.ax.common.events.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import kr.go.ax.common.web.RequestIds;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A CloudEvent received from Kafka, with the correlation id that travelled in its headers and the record's timestamp
 * ({@code publishedAt}: when the relay handed it to the broker, after the event's transaction committed).
 */
public record InboundEvent(String id, String type, String source, String subject, Instant time, String data,
        String requestId, Instant publishedAt) {

    /** Reads the CloudEvents attributes of a record; empty when the record is not a CloudEvent. */
    @SuppressWarnings("unchecked")
    public static Optional<InboundEvent> from(Message<String> message) {
        Optional<IncomingCloudEventMetadata<String>> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(m -> (IncomingCloudEventMetadata<String>) m);
        if (ce.isEmpty() || ce.get().getId() == null || ce.get().getType() == null) {
            return Optional.empty();
        }
        IncomingCloudEventMetadata<String> meta = ce.get();
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String requestId = kafka.map(k -> k.getHeaders().lastHeader(RequestIds.HEADER.toLowerCase()))
                .map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .orElse(null);
        Instant publishedAt = kafka.map(IncomingKafkaRecordMetadata::getTimestamp)
                .filter(t -> t.toEpochMilli() >= 0) // -1: the record has no timestamp
                .orElse(null);
        return Optional.of(new InboundEvent(meta.getId(), meta.getType(),
                meta.getSource() == null ? null : meta.getSource().toString(), meta.getSubject().orElse(null),
                meta.getTimeStamp().map(t -> t.toInstant()).orElse(null), message.getPayload(), requestId,
                publishedAt));
    }

    public <T> T dataAs(Class<T> type, ObjectMapper objectMapper) {
        try {
            return objectMapper.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + id + " of type " + type + " has unreadable data", e);
        }
    }
}
