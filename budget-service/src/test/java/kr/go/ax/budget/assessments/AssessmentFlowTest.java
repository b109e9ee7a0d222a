package kr.go.ax.budget.assessments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import kr.go.ax.budget.calls.CallEventsConsumerTest;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** ApplicationSubmitted in, one stored assessment and one BudgetAssessed out, whatever the redeliveries. */
@QuarkusTest
class AssessmentFlowTest {
    @Inject
    EntityManager entityManager;

    static String submitted(UUID applicationId, UUID callId, int submission, long local) {
        return """
                {"id": "%s", "callId": "%s", "region": "KR-26", "title": "t", "status": "SUBMITTED",
                 "leadAgency": "Busan Technopark", "partners": [],
                 "projects": [{"type": "AI_SOLUTION_DEVELOPMENT", "title": "p", "budget": [
                   {"fiscalYear": 2026, "centralKrw": 3000000000, "localGovernmentKrw": %d, "selfContributionKrw": %d},
                   {"fiscalYear": 2027, "centralKrw": 3000000000, "localGovernmentKrw": 1200000000, "selfContributionKrw": 800000000}]}],
                 "contentSha256": "x", "submittedAt": "2026-03-01T00:00:00Z", "submission": %d, "version": 1}"""
                .formatted(applicationId, callId, local, 2_000_000_000L - local, submission);
    }

    long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void submissionIsAssessedOnceAndTheVerdictPublished() {
        UUID callId = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        // The application arrives before its call's rules: it waits for them instead of failing.
        TestKafka.sendCloudEvent("ax.applications", applicationId.toString(), eventId,
                "kr.go.ax.application.submitted.v1", submitted(applicationId, callId, 1, 500_000_000L));
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.opened.v1", CallEventsConsumerTest.snapshot(callId, "AX-AS", 1, 7_000_000_000L));
        TestKafka.sendCloudEvent("ax.applications", applicationId.toString(), eventId,
                "kr.go.ax.application.submitted.v1", submitted(applicationId, callId, 1, 500_000_000L));

        String admin = TestTokens.bearer(TestTokens.admin());
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given()
                .header("Authorization", admin).get("/api/v1/budget/assessments/" + applicationId)
                .then().statusCode(200)
                .body("verdict", equalTo("REJECTED"))
                .body("submission", equalTo(1))
                .body("rulesVersion", equalTo(1))
                .body("violations.code", contains("LOCAL_GOVERNMENT_SHARE_TOO_LOW", "LOCAL_GOVERNMENT_SHARE_TOO_LOW"))
                .body("violations[0].field", equalTo("fiscalYears[2026]")));

        var verdicts = TestKafka.await("ax.budget", r -> applicationId.toString().equals(r.key()),
                Duration.ofSeconds(20));
        assertEquals("kr.go.ax.budget.assessed.v1", TestKafka.header(verdicts.get(0), "ce_type"));
        JsonPath verdict = new JsonPath(verdicts.get(0).value());
        assertEquals("REJECTED", verdict.getString("verdict"));
        assertEquals(1, verdict.getInt("submission"));

        // Resubmitted with a fixed budget: a new assessment, approved.
        TestKafka.sendCloudEvent("ax.applications", applicationId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.submitted.v1", submitted(applicationId, callId, 2, 1_200_000_000L));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin).get("/api/v1/budget/assessments/" + applicationId)
                .then().statusCode(200).body("submission", equalTo(2)).body("verdict", equalTo("APPROVED")));
        assertEquals(2, count("SELECT count(*) FROM budget_assessment WHERE application_id = ?1", applicationId));
        assertEquals(2, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = CAST(?1 AS text)",
                applicationId));

        given().header("Authorization", TestTokens.bearer(TestTokens.region("KR-26")))
                .get("/api/v1/budget/assessments/" + applicationId).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(TestTokens.region("KR-27")))
                .get("/api/v1/budget/assessments/" + applicationId).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
