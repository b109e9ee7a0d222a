package kr.go.ax.common.events.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kr.go.ax.common.web.RequestIds;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka as CloudEvents (binary mode: {@code ce_*} headers), keyed by aggregate
 * id, with the idempotent producer of the {@code outbox} channel (acks=all). A round locks the shards it can get
 * ({@code FOR UPDATE SKIP LOCKED}), sends their oldest unpublished events in order, waits for every acknowledgement and
 * only then marks them published in the same transaction. A crash between send and commit re-sends: delivery is
 * at-least-once and consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    // Field injection: the overflow strategy is read from the injection point.
    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;
    private final OutboxConfig config;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private long lastPurge;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(config.sendTimeout().toMillis());
        }
    }

    /** Runs after the writer's commit: the event is visible now, so publish it without waiting for the poll. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEventWritten event) {
        wakeUp.release();
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    Thread.sleep(backoffMillis);
                }
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                int published;
                do {
                    published = relayOnce();
                } while (running && published == config.batchSize());
                purgeNowAndThen();
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Database or broker unavailable: keep the events and retry with a growing pause.
                backoffMillis = Math.min(5_000, Math.max(100, backoffMillis * 2));
                LOG.warnf("Outbox relay round failed (%s); retrying in %d ms", rootMessage(e), backoffMillis);
            }
        }
    }

    /** One round: publishes up to a batch of events. Returns how many were published. */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout((int) config.sendTimeout().toSeconds() + 10).call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> shards = entityManager
                    .createNativeQuery("SELECT shard FROM outbox_shard ORDER BY shard FOR UPDATE SKIP LOCKED")
                    .getResultList();
            if (shards.isEmpty()) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT position, id, topic, aggregate_type, aggregate_id, type, occurred_at, CAST(payload AS text),
                           request_id, traceparent
                    FROM outbox_event
                    WHERE published_at IS NULL AND shard IN (?1)
                    ORDER BY position
                    LIMIT ?2""")
                    .setParameter(1, shards.stream().map(Number::shortValue).toList())
                    .setParameter(2, config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            List<Long> positions = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                positions.add(((Number) row[0]).longValue());
                acks.add(send(row));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            entityManager.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE position IN (?1)")
                    .setParameter(1, positions)
                    .executeUpdate();
            return rows.size();
        });
    }

    private CompletableFuture<Void> send(Object[] row) {
        UUID id = (UUID) row[1];
        String topic = (String) row[2];
        String aggregateType = (String) row[3];
        String aggregateId = (String) row[4];
        String type = (String) row[5];
        Instant occurredAt = toInstant(row[6]);
        String payload = (String) row[7];
        String requestId = (String) row[8];

        RecordHeaders headers = new RecordHeaders();
        headers.add("ax_aggregatetype", aggregateType.getBytes(StandardCharsets.UTF_8));
        if (requestId != null) {
            headers.add(RequestIds.HEADER.toLowerCase(), requestId.getBytes(StandardCharsets.UTF_8));
        }
        String traceparent = (String) row[9];
        if (traceparent != null) {
            // The trace of the request that made the change; the consumer's span continues it.
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(aggregateId)
                .withHeaders(headers)
                .build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(id.toString())
                .withSource(URI.create(config.source()))
                .withType(type)
                .withSubject(aggregateId)
                .withTimestamp(occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(payload, Metadata.of(kafka, cloudEvent), () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return acked;
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastPurge < 600_000) {
            return;
        }
        lastPurge = now;
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                .setParameter(1, Instant.now().minus(config.retention()))
                .executeUpdate());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
