package kr.go.ax.evaluation.calls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.go.ax.common.testing.FreshConsumerGroups;
import java.time.Duration;
import java.util.UUID;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Applies to every test of the module: test consumer groups start at the end of their topics.
@QuarkusTestResource(FreshConsumerGroups.class)
class CallEventsConsumerTest {
    private static String evaluator() {
        return TestTokens.bearer(TestTokens.evaluator(1));
    }

    static String snapshot(UUID callId, long version, int documentWeight) {
        return """
                {"id": "%s", "code": "AX-E", "title": "t", "status": "OPEN",
                 "opensAt": "2026-02-04T00:00:00Z", "closesAt": "2026-03-10T09:00:00Z", "fiscalYears": [2026],
                 "slots": 2, "reserveSlots": 1,
                 "fundingRules": {"centralPoolPerYearKrw": 1, "centralReferencePerRegionPerYearKrw": 1,
                                  "centralShareMaxBp": 6000, "localGovernmentShareMinBp": 2000},
                 "excludedRegions": [], "documentWeightPct": %d, "presentationWeightPct": %d, "version": %d}"""
                .formatted(callId, documentWeight, 100 - documentWeight, version);
    }

    @Test
    void latestSnapshotWinsAndStaleOrRepeatedEventsChangeNothing() {
        UUID callId = UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), first, "kr.go.ax.call.created.v1",
                snapshot(callId, 0, 40));
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.opened.v1", snapshot(callId, 2, 30));
        // Late arrivals: an older version, and the first event delivered again.
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.updated.v1", snapshot(callId, 1, 50));
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), first, "kr.go.ax.call.created.v1",
                snapshot(callId, 0, 40));
        // A marker after them on the same partition: once it is applied, the ones before it were handled.
        UUID marker = UUID.randomUUID();
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.created.v1", snapshot(marker, 0, 40));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", evaluator())
                .get("/api/v1/evaluation/calls/" + marker + "/settings")
                .then().statusCode(200));
        given().header("Authorization", evaluator())
                .get("/api/v1/evaluation/calls/" + callId + "/settings")
                .then().statusCode(200)
                .body("callVersion", equalTo(2))
                .body("callStatus", equalTo("OPEN"))
                .body("documentWeightPct", equalTo(30))
                .body("presentationWeightPct", equalTo(70));
    }

    @Test
    void withoutTokenIsUnauthenticated() {
        given().get("/api/v1/evaluation/calls/" + UUID.randomUUID() + "/settings")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
