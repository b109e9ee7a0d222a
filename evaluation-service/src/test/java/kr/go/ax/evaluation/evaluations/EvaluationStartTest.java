package kr.go.ax.evaluation.evaluations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class EvaluationStartTest {
    @Inject
    EntityManager entityManager;

    public static String callSnapshot(UUID callId, String status, long version) {
        return """
                {"id": "%s", "code": "AX-START", "title": "t", "status": "%s",
                 "opensAt": "2026-02-04T00:00:00Z", "closesAt": "2026-03-10T09:00:00Z", "fiscalYears": [2026],
                 "slots": 2, "reserveSlots": 1,
                 "fundingRules": {"centralPoolPerYearKrw": 1, "centralReferencePerRegionPerYearKrw": 1,
                                  "centralShareMaxBp": 6000, "localGovernmentShareMinBp": 2000},
                 "excludedRegions": [], "documentWeightPct": 40, "presentationWeightPct": 60, "version": %d}"""
                .formatted(callId, status, version);
    }

    static String application(UUID id, UUID callId, String region, String status, long version) {
        return """
                {"id": "%s", "callId": "%s", "region": "%s", "title": "t", "status": "%s",
                 "leadAgency": "Technopark", "partners": ["University"], "projects": [],
                 "contentSha256": "x", "submittedAt": "2026-03-01T00:00:00Z", "submission": 1, "version": %d}"""
                .formatted(id, callId, region, status, version);
    }

    long copies(UUID callId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM evaluated_application WHERE call_id = ?1")
                .setParameter(1, callId).getSingleResult()).longValue());
    }

    @Test
    void eligibleApplicationsOfAClosedCallEnterEvaluationOnce() {
        UUID callId = UUID.randomUUID();
        UUID eligible1 = UUID.randomUUID();
        UUID eligible2 = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        String admin = TestTokens.bearer(TestTokens.admin());
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.opened.v1", callSnapshot(callId, "OPEN", 1));
        TestKafka.sendCloudEvent("ax.applications", eligible1.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.status-changed.v1", application(eligible1, callId, "KR-26", "ELIGIBLE", 3));
        TestKafka.sendCloudEvent("ax.applications", eligible2.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.status-changed.v1", application(eligible2, callId, "KR-29", "ELIGIBLE", 3));
        TestKafka.sendCloudEvent("ax.applications", rejected.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.status-changed.v1",
                application(rejected, callId, "KR-30", "BUDGET_REJECTED", 3));
        // A stale snapshot of an eligible application must not turn it back into SUBMITTED.
        TestKafka.sendCloudEvent("ax.applications", eligible1.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.submitted.v1", application(eligible1, callId, "KR-26", "SUBMITTED", 2));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> copies(callId) == 3);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin).post("/api/v1/evaluation/calls/" + callId + "/start")
                .then().statusCode(409).body("code", equalTo("CALL_NOT_CLOSED")));

        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.closed.v1", callSnapshot(callId, "CLOSED", 2));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin).post("/api/v1/evaluation/calls/" + callId + "/start")
                .then().statusCode(200)
                .body("started", equalTo(2))
                .body("applicationIds", containsInAnyOrder(eligible1.toString(), eligible2.toString())));
        given().header("Authorization", admin).post("/api/v1/evaluation/calls/" + callId + "/start")
                .then().statusCode(200).body("started", equalTo(0));

        var events = TestKafka.readAll("ax.evaluation", r -> "kr.go.ax.evaluation.started.v1".equals(
                TestKafka.header(r, "ce_type")) && r.value().contains(callId.toString()), 2, Duration.ofSeconds(20));
        Set<String> keys = events.stream().map(r -> r.key()).collect(Collectors.toSet());
        assertEquals(Set.of(eligible1.toString(), eligible2.toString()), keys);
        assertEquals(2, events.size());

        given().header("Authorization", TestTokens.bearer(TestTokens.evaluator(1)))
                .post("/api/v1/evaluation/calls/" + callId + "/start").then().statusCode(403);
        given().header("Authorization", admin).post("/api/v1/evaluation/calls/" + UUID.randomUUID() + "/start")
                .then().statusCode(404);
    }

    @Test
    void progressReportsSharingTheTopicAreNotTakenForApplications() {
        UUID callId = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        // Same key, so same partition: the report is consumed before the snapshot that follows it.
        TestKafka.sendCloudEvent("ax.applications", applicationId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.progress-reported.v1", """
                        {"id": "%s", "applicationId": "%s", "callId": "%s", "region": "KR-26", "period": "2026-07",
                         "externalId": "busan-2026-07", "revision": 1, "smesSupported": 12}"""
                        .formatted(reportId, applicationId, callId));
        TestKafka.sendCloudEvent("ax.applications", applicationId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.status-changed.v1", application(applicationId, callId, "KR-26", "ELIGIBLE", 3));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> copies(callId) == 1);
        long bogus = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM evaluated_application WHERE application_id = ?1")
                .setParameter(1, reportId).getSingleResult()).longValue());
        assertEquals(0, bogus, "a progress report must not become an evaluated application");
    }
}
