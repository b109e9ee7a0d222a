package kr.go.ax.applications.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.go.ax.common.events.outbox.Outbox;
import kr.go.ax.common.events.outbox.OutboxRelay;
import kr.go.ax.common.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Several relays at once (the service's own plus four racing rounds, as with several instances): every event is
 * published exactly once and each aggregate's events keep their order.
 */
@QuarkusTest
class OutboxRelayTest {
    private static final int AGGREGATES = 12;
    private static final int EVENTS_PER_AGGREGATE = 25;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    record Step(String aggregate, int sequence) {
    }

    @Test
    void concurrentRelaysPublishEachEventOnceInOrderPerAggregate() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Interleaved writes, many small transactions, while relays race.
        ExecutorService relays = Executors.newFixedThreadPool(4);
        List<Future<?>> racing = new ArrayList<>();
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        for (int r = 0; r < 4; r++) {
            racing.add(relays.submit(() -> {
                while (!done.get()) {
                    relay.relayOnce();
                }
                return null;
            }));
        }
        for (int s = 0; s < EVENTS_PER_AGGREGATE; s++) {
            int sequence = s;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int a = 0; a < AGGREGATES; a++) {
                    outbox.record("ax.applications", "relay-test", "relay-" + run + "-" + a,
                            "kr.go.ax.test.relay-order.v1", new Step("relay-" + run + "-" + a, sequence));
                }
            });
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE ?1 AND published_at IS NULL")
                        .setParameter(1, "relay-" + run + "-%").getSingleResult()).longValue() == 0));
        done.set(true);
        for (Future<?> f : racing) {
            f.get();
        }
        relays.shutdown();

        int expected = AGGREGATES * EVENTS_PER_AGGREGATE;
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            records.clear();
            records.addAll(TestKafka.readAll("ax.applications",
                    r -> r.key() != null && r.key().startsWith("relay-" + run + "-"), expected, Duration.ofSeconds(10)));
            return records.size() >= expected;
        });
        Set<String> ids = new HashSet<>();
        Map<String, Integer> last = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            assertTrue(ids.add(TestKafka.header(record, "ce_id")), "published once: " + record.key());
            int sequence = new JsonPath(record.value()).getInt("sequence");
            int previous = last.getOrDefault(record.key(), -1);
            assertEquals(previous + 1, sequence, "order of " + record.key());
            last.put(record.key(), sequence);
        }
        assertEquals(expected, ids.size());
    }
}
