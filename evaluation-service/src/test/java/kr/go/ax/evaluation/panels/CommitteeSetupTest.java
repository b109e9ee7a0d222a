package kr.go.ax.evaluation.panels;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Rubric, evaluators and panel: the committee an admin sets up before evaluation starts. */
@QuarkusTest
class CommitteeSetupTest {
    static String admin() {
        return TestTokens.bearer(TestTokens.admin());
    }

    static String register(String subject, String region, String institution) {
        return given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("""
                        {"subject": "%s", "name": "Dr. Kim", "affiliationRegion": "%s", "institution": "%s",
                         "expertise": ["smart manufacturing"]}""".formatted(subject, region, institution))
                .post("/api/v1/evaluation/evaluators")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void defaultRubricAppliesUntilOneIsSet() {
        UUID callId = UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(TestTokens.evaluator(1)))
                .get("/api/v1/evaluation/calls/" + callId + "/rubric")
                .then().statusCode(200)
                .body("isDefault", equalTo(true))
                .body("rubric.passTotal", equalTo(70))
                .body("rubric.criteria.findAll { it.stage == 'DOCUMENT' }.maxPoints.sum()", equalTo(100))
                .body("rubric.criteria.findAll { it.stage == 'PRESENTATION' }.code",
                        contains("EXPERTISE", "FEASIBILITY", "REGIONAL_INDUSTRY_FIT", "DELIVERY_CAPACITY"));

        String custom = """
                {"passTotal": 75, "passCriterionPct": 50, "criteria": [
                  {"code": "FIT", "title": "Fit", "stage": "DOCUMENT", "maxPoints": 60},
                  {"code": "PLAN", "title": "Plan", "stage": "DOCUMENT", "maxPoints": 40},
                  {"code": "PITCH", "title": "Pitch", "stage": "PRESENTATION", "maxPoints": 100}]}""";
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(custom)
                .put("/api/v1/evaluation/calls/" + callId + "/rubric")
                .then().statusCode(200).body("isDefault", equalTo(false));
        given().header("Authorization", admin()).get("/api/v1/evaluation/calls/" + callId + "/rubric")
                .then().body("rubric.passTotal", equalTo(75)).body("rubric.criteria", hasSize(3));
    }

    @Test
    void rubricStagesMustTotalOneHundredWithUniqueCodes() {
        String broken = """
                {"passTotal": 70, "passCriterionPct": 40, "criteria": [
                  {"code": "FIT", "title": "Fit", "stage": "DOCUMENT", "maxPoints": 60},
                  {"code": "FIT", "title": "Fit again", "stage": "DOCUMENT", "maxPoints": 30},
                  {"code": "PITCH", "title": "Pitch", "stage": "PRESENTATION", "maxPoints": 101}]}""";
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(broken)
                .put("/api/v1/evaluation/calls/" + UUID.randomUUID() + "/rubric")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("criteria[2].maxPoints"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(broken.replace("101", "100"))
                .put("/api/v1/evaluation/calls/" + UUID.randomUUID() + "/rubric")
                .then().statusCode(400)
                .body("violations.rule", contains("unique-per-stage", "stage-total"));
        given().header("Authorization", TestTokens.bearer(TestTokens.evaluator(1))).contentType(ContentType.JSON)
                .body(broken).put("/api/v1/evaluation/calls/" + UUID.randomUUID() + "/rubric")
                .then().statusCode(403);
    }

    @Test
    void evaluatorsRegisterOnceAndPanelsNeedFive() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(register("ev-" + run + "-" + i, "KR-11", "Institute " + i));
        }
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"subject\": \"ev-" + run + "-1\", \"name\": \"x\", \"affiliationRegion\": \"KR-26\","
                        + " \"institution\": \"y\"}")
                .post("/api/v1/evaluation/evaluators")
                .then().statusCode(409).body("code", equalTo("EVALUATOR_EXISTS"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"subject\": \"ev-" + run + "-9\", \"name\": \"x\", \"affiliationRegion\": \"KR-99\","
                        + " \"institution\": \"y\"}")
                .post("/api/v1/evaluation/evaluators")
                .then().statusCode(400).body("violations[0].field", equalTo("affiliationRegion"));
        given().header("Authorization", admin()).get("/api/v1/evaluation/evaluators")
                .then().statusCode(200).body("subject", hasItem("ev-" + run + "-3"));

        UUID callId = UUID.randomUUID();
        String four = "{\"evaluatorIds\": [\"" + String.join("\", \"", ids.subList(0, 4)) + "\"]}";
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(four)
                .put("/api/v1/evaluation/calls/" + callId + "/panel")
                .then().statusCode(400).body("violations[0].rule", equalTo("min-members"));
        String unknown = "{\"evaluatorIds\": [\"" + String.join("\", \"", ids.subList(0, 4)) + "\", \""
                + UUID.randomUUID() + "\"]}";
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(unknown)
                .put("/api/v1/evaluation/calls/" + callId + "/panel")
                .then().statusCode(400).body("violations[0].field", equalTo("evaluatorIds[4]"));
        String five = "{\"evaluatorIds\": [\"" + String.join("\", \"", ids) + "\"]}";
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(five)
                .put("/api/v1/evaluation/calls/" + callId + "/panel")
                .then().statusCode(200).body("evaluators", hasSize(5));
        given().header("Authorization", admin()).get("/api/v1/evaluation/calls/" + callId + "/panel")
                .then().statusCode(200).body("evaluators.subject", hasItem("ev-" + run + "-5"));
        given().header("Authorization", TestTokens.bearer(TestTokens.region("KR-26")))
                .get("/api/v1/evaluation/calls/" + callId + "/panel").then().statusCode(403);
    }
}
