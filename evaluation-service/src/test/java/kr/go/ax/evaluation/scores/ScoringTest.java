package kr.go.ax.evaluation.scores;

import static io.restassured.RestAssured.given;
import static kr.go.ax.evaluation.EvaluationFixture.admin;
import static kr.go.ax.evaluation.EvaluationFixture.evaluator;
import static kr.go.ax.evaluation.EvaluationFixture.score;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import kr.go.ax.evaluation.EvaluationFixture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoringTest {
    @Test
    void scoresFollowTheRubricAndEveryChangeIsAudited() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        UUID callId = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        List<String> panel = EvaluationFixture.panel(callId, run, 5);
        EvaluationFixture.closedCall(callId, 1, 0, 20_000_000_000L);
        EvaluationFixture.eligibleApplication(applicationId, callId, "KR-26", "2026-03-01T00:00:00Z", 5_000_000_000L);
        EvaluationFixture.start(callId, 1);
        String scorer = panel.get(0);
        // Every score is given against one rubric: it no longer changes once the evaluation started.
        String rubric = given().header("Authorization", admin()).get("/api/v1/evaluation/calls/" + callId + "/rubric")
                .then().statusCode(200).extract().jsonPath().prettify();
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(new io.restassured.path.json.JsonPath(rubric).getMap("rubric"))
                .put("/api/v1/evaluation/calls/" + callId + "/rubric")
                .then().statusCode(409).body("code", equalTo("RUBRIC_FROZEN"));
        List<String> ids = given().header("Authorization", admin()).get("/api/v1/evaluation/calls/" + callId
                + "/panel").then().statusCode(200).extract().jsonPath().getList("evaluators.id");
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(java.util.Map.of("evaluatorIds", ids.subList(0, 5)))
                .put("/api/v1/evaluation/calls/" + callId + "/panel")
                .then().statusCode(409).body("code", equalTo("PANEL_FROZEN"));

        // Before the declaration: no scoring.
        score(scorer, applicationId, "DOCUMENT", null, 20, 20, 16, 12, 12)
                .statusCode(409).body("code", equalTo("DECLARATION_REQUIRED"));
        EvaluationFixture.declareNoConflict(scorer, applicationId);

        // Out of range, missing and unknown criteria: 422 naming each.
        given().header("Authorization", evaluator(scorer)).contentType(ContentType.JSON)
                .body("""
                        {"stage": "DOCUMENT", "scores": {"REGIONAL_INDUSTRY_FIT": 26, "DELIVERY_CAPACITY": -1,
                         "FEASIBILITY": 16, "MATCHING_FUND_CAPACITY": 12, "EXPERTISE": 10}}""")
                .put("/api/v1/evaluation/applications/" + applicationId + "/scores")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("SCORES_INVALID"))
                .body("violations.field", containsInAnyOrder("scores.REGIONAL_INDUSTRY_FIT",
                        "scores.DELIVERY_CAPACITY", "scores.SUSTAINABILITY", "scores.EXPERTISE"))
                .body("violations.rule", containsInAnyOrder("range", "range", "required", "unknown-criterion"));
        // Under the pass mark (5 < 40% of 15) without a comment.
        score(scorer, applicationId, "DOCUMENT", null, 20, 20, 16, 5, 12)
                .statusCode(422).body("violations[0].field", equalTo("comment"));
        // A fraction is refused, not truncated; a missing stage is a 400.
        given().header("Authorization", evaluator(scorer)).contentType(ContentType.JSON)
                .body("{\"stage\": \"DOCUMENT\", \"scores\": {\"REGIONAL_INDUSTRY_FIT\": 20.5}}")
                .put("/api/v1/evaluation/applications/" + applicationId + "/scores")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", evaluator(scorer)).contentType(ContentType.JSON)
                .body("{\"scores\": {\"REGIONAL_INDUSTRY_FIT\": 20}}")
                .put("/api/v1/evaluation/applications/" + applicationId + "/scores")
                .then().statusCode(400).body("violations[0].field", equalTo("stage"));

        String sheetId = score(scorer, applicationId, "DOCUMENT", "Matching fund is thin", 20, 20, 16, 5, 12)
                .statusCode(200).body("revision", equalTo(1)).body("scores.MATCHING_FUND_CAPACITY", equalTo(5))
                .extract().path("id");
        // The same sheet again changes nothing; a different one is a new revision of the same sheet.
        score(scorer, applicationId, "DOCUMENT", "Matching fund is thin", 20, 20, 16, 5, 12)
                .statusCode(200).body("revision", equalTo(1));
        score(scorer, applicationId, "DOCUMENT", null, 21, 20, 16, 12, 12)
                .statusCode(200).body("id", equalTo(sheetId)).body("revision", equalTo(2));

        given().header("Authorization", admin()).get("/api/v1/evaluation/applications/" + applicationId
                + "/scores/audit").then().statusCode(200)
                .body("", hasSize(2))
                .body("action", equalTo(List.of("SCORED", "CHANGED")))
                .body("[0].scores.REGIONAL_INDUSTRY_FIT", equalTo(20))
                .body("[0].comment", equalTo("Matching fund is thin"))
                .body("[1].scores.REGIONAL_INDUSTRY_FIT", equalTo(21))
                .body("[1].actor", equalTo(scorer));
        // An evaluator sees their own sheets only; another panel member none of them.
        given().header("Authorization", evaluator(scorer)).get("/api/v1/evaluation/applications/" + applicationId
                + "/scores").then().statusCode(200).body("", hasSize(1)).body("[0].revision", equalTo(2));
        given().header("Authorization", evaluator(panel.get(1))).get("/api/v1/evaluation/applications/"
                + applicationId + "/scores").then().statusCode(200).body("", hasSize(0));
        given().header("Authorization", EvaluationFixture.region("KR-26")).get("/api/v1/evaluation/applications/"
                + applicationId + "/scores/audit").then().statusCode(403);

        // A recused evaluator can neither score nor read.
        given().header("Authorization", evaluator(panel.get(2))).contentType(ContentType.JSON)
                .body("{\"conflict\": true, \"statement\": \"My brother works at the lead agency.\"}")
                .post("/api/v1/evaluation/applications/" + applicationId + "/declaration").then().statusCode(200);
        score(panel.get(2), applicationId, "PRESENTATION", null, 20, 20, 15, 15).statusCode(403);
        given().header("Authorization", evaluator(panel.get(2))).get("/api/v1/evaluation/applications/"
                + applicationId + "/scores").then().statusCode(403);
    }

    @Test
    void anExcludedEvaluatorCannotReadOrScore() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        UUID callId = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        // The panel's first evaluator is from KR-11, the applicant region here.
        List<String> panel = EvaluationFixture.panel(callId, run, 5);
        EvaluationFixture.closedCall(callId, 1, 0, 20_000_000_000L);
        EvaluationFixture.eligibleApplication(applicationId, callId, "KR-11", "2026-03-01T00:00:00Z", 5_000_000_000L);
        EvaluationFixture.start(callId, 1);
        score(panel.get(0), applicationId, "PRESENTATION", null, 20, 20, 15, 15)
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", evaluator(panel.get(0))).get("/api/v1/evaluation/applications/"
                + applicationId + "/scores").then().statusCode(403);
    }
}
