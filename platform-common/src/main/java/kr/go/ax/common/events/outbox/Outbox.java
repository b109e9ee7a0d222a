package kr.go.ax.common.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
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

    /**
     * Records an event. Must run inside the use case's transaction.
     *
     * @return the CloudEvents id of the new event
     */
    /** The current span as a W3C traceparent, or null when tracing is off or no span is active. */
    static String traceparent() {
        io.opentelemetry.api.trace.SpanContext span = io.opentelemetry.api.trace.Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String aggregateType, String aggregateId, String type, Object data) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + type + " cannot be serialized", e);
        }
        entityManager.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, shard, type, occurred_at, payload,
                                          request_id, traceparent)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb), ?9, ?10)""")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, aggregateType)
                .setParameter(4, aggregateId)
                .setParameter(5, (short) Math.floorMod(aggregateId.hashCode(), SHARDS))
                .setParameter(6, type)
                .setParameter(7, Instant.now())
                .setParameter(8, payload)
                .setParameter(9, RequestIds.current())
                .setParameter(10, traceparent())
                // Only the outbox table is written: Hibernate need not flush the caller's pending entities first
                // (in a bulk upload that flush, before every event, made storing a batch quadratic).
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("outbox_event")
                .executeUpdate();
        written.fire(new OutboxEventWritten(topic));
        return id;
    }
}
