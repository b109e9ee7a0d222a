package kr.go.ax.common.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.web.RequestIds;

/**
 * The write side of the transactional outbox: a use case records its events here in the same database transaction as
 * its state change, and {@link OutboxRelay} publishes them after the commit. Nothing is sent to Kafka from inside a
 * transaction, so a consumer never sees an event whose state was rolled back or is not committed yet.
 */
@ApplicationScoped
public class Outbox {
    /** Events of one aggregate share a shard, and one relay at a time owns a shard: order per aggregate holds. */
    static final int SHARDS = 8;

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Event<OutboxEventWritten> written;

    public Outbox(EntityManager entityManager, ObjectMapper objectMapper, Event<OutboxEventWritten> written) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.written = written;
    }

    /** The current span as a W3C traceparent, or null when tracing is off or no span is active. */
    static String traceparent() {
        io.opentelemetry.api.trace.SpanContext span = io.opentelemetry.api.trace.Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** One event to record: where it goes, the aggregate it belongs to (the Kafka key), its type and data. */
    public record Pending(String topic, String aggregateType, String aggregateId, String type, Object data) {
    }

    /**
     * Records an event. Must run inside the use case's transaction.
     *
     * @return the CloudEvents id of the new event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String aggregateType, String aggregateId, String type, Object data) {
        return recordAll(List.of(new Pending(topic, aggregateType, aggregateId, type, data))).get(0);
    }

    /**
     * Records events in one JDBC batch, in the caller's transaction. A bulk upload's events cost one round trip per
     * batch, and no flush of the caller's pending entities (a native query per event forced one: quadratic).
     *
     * @return the CloudEvents ids, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String requestId = RequestIds.current();
        String traceparent = traceparent();
        List<UUID> ids = new ArrayList<>(events.size());
        List<String> payloads = new ArrayList<>(events.size());
        for (Pending e : events) {
            ids.add(UUID.randomUUID());
            try {
                payloads.add(objectMapper.writeValueAsString(e.data()));
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("Event data of " + e.type() + " cannot be serialized", ex);
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, shard, type, occurred_at, payload,
                                              request_id, traceparent)
                    VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")) {
                for (int i = 0; i < events.size(); i++) {
                    Pending e = events.get(i);
                    insert.setObject(1, ids.get(i));
                    insert.setString(2, e.topic());
                    insert.setString(3, e.aggregateType());
                    insert.setString(4, e.aggregateId());
                    insert.setShort(5, (short) Math.floorMod(e.aggregateId().hashCode(), SHARDS));
                    insert.setString(6, e.type());
                    insert.setObject(7, now);
                    insert.setString(8, payloads.get(i));
                    insert.setString(9, requestId);
                    insert.setString(10, traceparent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        events.stream().map(Pending::topic).distinct().forEach(topic -> written.fire(new OutboxEventWritten(topic)));
        return ids;
    }
}
