package kr.go.ax.evaluation.conflicts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import kr.go.ax.evaluation.evaluations.EvaluationStartTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConflictOfInterestTest {
    static String admin() {
        return TestTokens.bearer(TestTokens.admin());
    }

    static String evaluator(String subject) {
        return TestTokens.bearer(TestTokens.token(subject, Set.of("evaluator"), null));
    }

    @Test
    void exclusionsDeclarationsAndRecusal() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        // Busan's application, led by Busan Technopark with Pusan National University.
        String[][] experts = {
                {"coi-" + run + "-region", "KR-26", "Korea Institute of Industrial Technology"},
                {"coi-" + run + "-lead", "KR-11", "Busan Technopark"},
                {"coi-" + run + "-partner", "KR-41", " pusan national UNIVERSITY "},
                {"coi-" + run + "-clean", "KR-30", "KAIST"},
                {"coi-" + run + "-recusing", "KR-27", "Kyungpook National University"}};
        List<String> ids = new ArrayList<>();
        for (String[] e : experts) {
            ids.add(given().header("Authorization", admin()).contentType(ContentType.JSON)
                    .body("{\"subject\": \"%s\", \"name\": \"n\", \"affiliationRegion\": \"%s\", \"institution\": \"%s\"}"
                            .formatted(e[0], e[1], e[2]))
                    .post("/api/v1/evaluation/evaluators").then().statusCode(201).extract().path("id"));
        }
        UUID callId = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"evaluatorIds\": [\"" + String.join("\", \"", ids) + "\"]}")
                .put("/api/v1/evaluation/calls/" + callId + "/panel").then().statusCode(200);
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.closed.v1", EvaluationStartTest.callSnapshot(callId, "CLOSED", 2));
        TestKafka.sendCloudEvent("ax.applications", applicationId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.status-changed.v1", """
                        {"id": "%s", "callId": "%s", "region": "KR-26", "title": "Busan", "status": "ELIGIBLE",
                         "leadAgency": "Busan Technopark", "partners": ["Pusan National University"], "projects": [],
                         "contentSha256": "x", "submittedAt": "2026-03-01T00:00:00Z", "submission": 1, "version": 3}"""
                        .formatted(applicationId, callId));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin()).post("/api/v1/evaluation/calls/" + callId + "/start")
                .then().statusCode(200).body("started", equalTo(1)));

        String[] expected = {"SAME_REGION", "LEAD_AGENCY", "PARTNER"};
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", evaluator(experts[i][0])).get("/api/v1/evaluation/assignments")
                    .then().statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].status", equalTo("EXCLUDED"))
                    .body("[0].exclusion", equalTo(expected[i]));
            given().header("Authorization", evaluator(experts[i][0])).contentType(ContentType.JSON)
                    .body("{\"conflict\": false, \"statement\": \"none\"}")
                    .post("/api/v1/evaluation/applications/" + applicationId + "/declaration")
                    .then().statusCode(403).contentType("application/problem+json");
        }

        given().header("Authorization", evaluator(experts[3][0])).get("/api/v1/evaluation/assignments")
                .then().body("[0].status", equalTo("TO_DECLARE"));
        given().header("Authorization", evaluator(experts[3][0])).contentType(ContentType.JSON)
                .body("{\"conflict\": false, \"statement\": \"I have no interest in this application.\"}")
                .post("/api/v1/evaluation/applications/" + applicationId + "/declaration")
                .then().statusCode(200).body("status", equalTo("TO_SCORE"));
        given().header("Authorization", evaluator(experts[3][0])).contentType(ContentType.JSON)
                .body("{\"conflict\": true, \"statement\": \"changed my mind\"}")
                .post("/api/v1/evaluation/applications/" + applicationId + "/declaration")
                .then().statusCode(409).body("code", equalTo("ALREADY_DECLARED"));

        given().header("Authorization", evaluator(experts[4][0])).contentType(ContentType.JSON)
                .body("{\"conflict\": true, \"statement\": \"I advised the consortium in 2025.\"}")
                .post("/api/v1/evaluation/applications/" + applicationId + "/declaration")
                .then().statusCode(200).body("status", equalTo("RECUSED"));

        // Not on the panel, or not an evaluator at all.
        given().header("Authorization", evaluator("coi-" + run + "-stranger"))
                .get("/api/v1/evaluation/assignments").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.region("KR-26")))
                .get("/api/v1/evaluation/assignments").then().statusCode(403);
        given().header("Authorization", evaluator(experts[3][0])).contentType(ContentType.JSON)
                .body("{\"conflict\": false, \"statement\": \"x\"}")
                .post("/api/v1/evaluation/applications/" + UUID.randomUUID() + "/declaration")
                .then().statusCode(404);
        given().header("Authorization", evaluator(experts[3][0])).contentType(ContentType.JSON)
                .body("{\"conflict\": \"maybe\", \"statement\": \"x\"}")
                .post("/api/v1/evaluation/applications/" + applicationId + "/declaration")
                .then().statusCode(400).body("violations[0].field", equalTo("conflict"));
    }
}
