package kr.go.ax.budget.calls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.go.ax.common.testing.FreshConsumerGroups;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Feeds real CloudEvents through the real broker, as applications-service would. */
@QuarkusTest
// Applies to every test of the module: test consumer groups start at the end of their topics.
@QuarkusTestResource(FreshConsumerGroups.class)
public class CallEventsConsumerTest {
    private static String portal() {
        return TestTokens.bearer(TestTokens.portal());
    }

    @Inject
    EntityManager entityManager;

    public static String snapshot(UUID callId, String code, long version, long reference) {
        return """
                {"id": "%s", "code": "%s", "title": "t", "status": "DRAFT",
                 "opensAt": "2026-02-04T00:00:00Z", "closesAt": "2026-03-10T09:00:00Z", "fiscalYears": [2026, 2027],
                 "slots": 2, "reserveSlots": 1,
                 "fundingRules": {"centralPoolPerYearKrw": 14000000000, "centralReferencePerRegionPerYearKrw": %d,
                                  "centralShareMaxBp": 6000, "localGovernmentShareMinBp": 2000},
                 "excludedRegions": ["KR-11"], "documentWeightPct": 40, "presentationWeightPct": 60, "version": %d}"""
                .formatted(callId, code, reference, version);
    }

    @Test
    void callEventBecomesVisibleFundingRules() {
        UUID callId = UUID.randomUUID();
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.created.v1", snapshot(callId, "AX-B-1", 0, 7_000_000_000L));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", portal())
                .get("/api/v1/budget/calls/" + callId + "/funding-rules")
                .then().statusCode(200)
                .body("code", equalTo("AX-B-1"))
                .body("fiscalYears", contains(2026, 2027))
                .body("centralReferencePerRegionPerYearKrw", equalTo(7000000000L))
                .body("localGovernmentShareMinBp", equalTo(2000)));
    }

    @Test
    void secondDeliveryOfTheSameEventChangesNothing() {
        UUID callId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), eventId, "kr.go.ax.call.created.v1",
                snapshot(callId, "AX-B-2", 0, 7_000_000_000L));
        // The same event id again, as a relay would re-send after a crash; had it been applied, version 5 would
        // stick and the later version-1 event below would be ignored as stale.
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), eventId, "kr.go.ax.call.created.v1",
                snapshot(callId, "AX-B-2-DUPLICATE", 5, 1L));
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.updated.v1", snapshot(callId, "AX-B-2", 1, 6_000_000_000L));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", portal())
                .get("/api/v1/budget/calls/" + callId + "/funding-rules")
                .then().statusCode(200)
                .body("callVersion", equalTo(1))
                .body("code", equalTo("AX-B-2"))
                .body("centralReferencePerRegionPerYearKrw", equalTo(6000000000L)));

        long inboxRows = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
        assertEquals(1, inboxRows, "the event is recorded once");
    }

    @Test
    void recordThatIsNotACloudEventGoesToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        TestKafka.sendRaw("ax.calls", key, "{not json at all");

        var dead = TestKafka.await("ax.dlq.budget-service", r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertFalse(dead.isEmpty(), "the poison record was dead-lettered, not skipped");
        assertEquals("{not json at all", dead.get(0).value());
    }

    @Test
    void unknownCallIs404Problem() {
        given().header("Authorization", portal())
                .get("/api/v1/budget/calls/" + UUID.randomUUID() + "/funding-rules")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }
}
