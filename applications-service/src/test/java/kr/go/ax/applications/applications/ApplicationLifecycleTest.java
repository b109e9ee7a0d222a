package kr.go.ax.applications.applications;

import static io.restassured.RestAssured.given;
import static kr.go.ax.applications.Fixtures.admin;
import static kr.go.ax.applications.Fixtures.region;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import kr.go.ax.applications.Fixtures;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The whole lifecycle against the real database and broker. budget-service and evaluation-service do not answer yet
 * (issues 4 and 5), so the test publishes their events itself, exactly as they will.
 */
@QuarkusTest
class ApplicationLifecycleTest {
    @Inject
    EntityManager entityManager;

    private static final String BUSAN = "KR-26";

    static void publishVerdict(String applicationId, String callId, int submission, String verdict) {
        String violations = verdict.equals("REJECTED")
                ? "[{\"code\": \"LOCAL_GOVERNMENT_SHARE_TOO_LOW\", \"field\": \"fiscalYears[2026]\", "
                        + "\"message\": \"local government 10.00% < 20.00%\"}]"
                : "[]";
        TestKafka.sendCloudEvent("ax.budget", applicationId, UUID.randomUUID().toString(),
                "kr.go.ax.budget.assessed.v1", """
                        {"applicationId": "%s", "callId": "%s", "submission": %d, "verdict": "%s",
                         "violations": %s, "assessedAt": "2026-03-01T00:00:00Z"}"""
                        .formatted(applicationId, callId, submission, verdict, violations));
    }

    static void awaitStatus(String applicationId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin()).get("/api/v1/applications/" + applicationId)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void draftSubmitVerdictEvaluationDecision() {
        String callId = Fixtures.openCall();
        String id = given().header("Authorization", region(BUSAN)).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "Busan shipbuilding AX"))
                .post("/api/v1/applications")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("region", equalTo(BUSAN))
                .body("projects[0].budget[1].selfContributionKrw", equalTo(800000000))
                .body("kpis.baselineAiAdoptionPct", equalTo(17.9f))
                .extract().path("id");

        JsonPath receipt = given().header("Authorization", region(BUSAN))
                .post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(202)
                .body("applicationId", equalTo(id))
                .body("status", equalTo("SUBMITTED"))
                .body("submission", equalTo(1))
                .body("receivedAt", notNullValue())
                .body("contentSha256", matchesPattern("[0-9a-f]{64}"))
                .extract().jsonPath();

        var submitted = TestKafka.await("ax.applications", r -> id.equals(r.key())
                && "kr.go.ax.application.submitted.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        assertFalse(submitted.isEmpty(), "ApplicationSubmitted published");
        JsonPath event = new JsonPath(submitted.get(0).value());
        assertEquals(BUSAN, event.getString("region"));
        assertEquals(3000000000L, event.getLong("projects[0].budget[0].centralKrw"));
        assertEquals(receipt.getString("contentSha256"), event.getString("contentSha256"));

        publishVerdict(id, callId, 1, "APPROVED");
        awaitStatus(id, "ELIGIBLE");
        given().header("Authorization", region(BUSAN)).get("/api/v1/applications/" + id)
                .then().body("budgetAssessment.verdict", equalTo("APPROVED"))
                .body("budgetAssessment.violations", hasSize(0));

        given().header("Authorization", admin()).post("/api/v1/calls/" + callId + "/close").then().statusCode(200);
        TestKafka.sendCloudEvent("ax.evaluation", id, UUID.randomUUID().toString(), "kr.go.ax.evaluation.started.v1",
                "{\"applicationId\": \"%s\", \"callId\": \"%s\", \"startedAt\": \"2026-03-11T00:00:00Z\"}"
                        .formatted(id, callId));
        awaitStatus(id, "UNDER_EVALUATION");
        String decided = "{\"applicationId\": \"%s\", \"callId\": \"%s\", \"decision\": \"%s\", \"rank\": 3,"
                + " \"decidedAt\": \"2026-04-01T00:00:00Z\", \"decisionVersion\": %d}";
        String decisionId = UUID.randomUUID().toString();
        TestKafka.sendCloudEvent("ax.evaluation", id, decisionId, "kr.go.ax.evaluation.decided.v1",
                decided.formatted(id, callId, "RESERVE", 1));
        // Delivered twice: the second changes nothing.
        TestKafka.sendCloudEvent("ax.evaluation", id, decisionId, "kr.go.ax.evaluation.decided.v1",
                decided.formatted(id, callId, "RESERVE", 1));
        awaitStatus(id, "RESERVE");
        given().header("Authorization", admin()).get("/api/v1/calls/" + callId)
                .then().body("status", equalTo("DECIDED"));
        // Version 2 promotes the reserve; a version-1 outcome arriving after it changes nothing.
        TestKafka.sendCloudEvent("ax.evaluation", id, UUID.randomUUID().toString(), "kr.go.ax.evaluation.decided.v1",
                decided.formatted(id, callId, "SELECTED", 2));
        awaitStatus(id, "SELECTED");
        String stale = UUID.randomUUID().toString();
        TestKafka.sendCloudEvent("ax.evaluation", id, stale, "kr.go.ax.evaluation.decided.v1",
                decided.formatted(id, callId, "NOT_SELECTED", 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = ?1"
                        + " AND consumer = 'applications-service.evaluation'")
                        .setParameter(1, stale).getSingleResult()).longValue() == 1));
        given().header("Authorization", region(BUSAN)).get("/api/v1/applications/" + id)
                .then().body("status", equalTo("SELECTED")).body("decisionVersion", equalTo(2));

        given().header("Authorization", region(BUSAN)).get("/api/v1/applications/" + id + "/history")
                .then().statusCode(200)
                .body("to", contains("DRAFT", "SUBMITTED", "ELIGIBLE", "UNDER_EVALUATION", "RESERVE", "SELECTED"))
                .body("from", contains(null, "DRAFT", "SUBMITTED", "ELIGIBLE", "UNDER_EVALUATION", "RESERVE"))
                .body("actor", contains("region-KR-26", "region-KR-26", "budget-service", "evaluation-service",
                        "evaluation-service", "evaluation-service"))
                .body("reason[5]", equalTo("selection decision version 2"));

        // A portal sees the decided application, but only its public fields.
        given().header("Authorization", TestTokens.bearer(TestTokens.portal()))
                .get("/api/v1/applications/" + id)
                .then().statusCode(200)
                .body("status", equalTo("SELECTED"))
                .body("decisionRank", equalTo(3))
                .body("projects", nullValue())
                .body("budgetAssessment", nullValue());

        // A selected region may still renounce its award (budget-service then releases the money).
        given().header("Authorization", region(BUSAN)).contentType(ContentType.JSON)
                .body("{\"reason\": \"the consortium dissolved\"}")
                .post("/api/v1/applications/" + id + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void budgetRejectionThenRevisionAndResubmission() {
        String callId = Fixtures.openCall();
        String id = Fixtures.draft(callId, "KR-29");
        given().header("Authorization", region("KR-29")).post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(202);
        publishVerdict(id, callId, 1, "REJECTED");
        awaitStatus(id, "BUDGET_REJECTED");
        given().header("Authorization", region("KR-29")).get("/api/v1/applications/" + id)
                .then().body("budgetAssessment.verdict", equalTo("REJECTED"))
                .body("budgetAssessment.violations[0].code", equalTo("LOCAL_GOVERNMENT_SHARE_TOO_LOW"));

        String etag = given().header("Authorization", region("KR-29")).get("/api/v1/applications/" + id)
                .then().extract().header("ETag");
        given().header("Authorization", region("KR-29")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "Gwangju revised"))
                .put("/api/v1/applications/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Gwangju revised"))
                .body("status", equalTo("BUDGET_REJECTED"));
        given().header("Authorization", region("KR-29")).post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(202).body("submission", equalTo(2));

        // A late verdict on the first submission must not decide the second.
        publishVerdict(id, callId, 1, "APPROVED");
        publishVerdict(id, callId, 2, "REJECTED");
        awaitStatus(id, "BUDGET_REJECTED");
        given().header("Authorization", region("KR-29")).get("/api/v1/applications/" + id)
                .then().body("budgetAssessment.submission", equalTo(2));
    }

    @Test
    void regionWithdrawsBeforeDecisionAndCanApplyAgain() {
        String callId = Fixtures.openCall();
        String first = Fixtures.draft(callId, "KR-30");
        given().header("Authorization", region("KR-30")).post("/api/v1/applications/" + first + "/submit")
                .then().statusCode(202);
        given().header("Authorization", region("KR-30")).contentType(ContentType.JSON)
                .body("{\"reason\": \"merging with a neighbouring region\"}")
                .post("/api/v1/applications/" + first + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().header("Authorization", region("KR-30")).post("/api/v1/applications/" + first + "/withdraw")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        String second = Fixtures.draft(callId, "KR-30");
        given().header("Authorization", region("KR-30")).post("/api/v1/applications/" + second + "/submit")
                .then().statusCode(202);
    }
}
