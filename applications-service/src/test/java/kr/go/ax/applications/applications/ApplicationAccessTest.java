package kr.go.ax.applications.applications;

import static io.restassured.RestAssured.given;
import static kr.go.ax.applications.Fixtures.admin;
import static kr.go.ax.applications.Fixtures.region;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.go.ax.applications.Fixtures;
import kr.go.ax.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A region sees and changes only its own applications; others get 404 and nothing changes. */
@QuarkusTest
class ApplicationAccessTest {
    private static final String OWNER = "KR-47";
    private static final String OTHER = "KR-50";

    @Test
    void anotherRegionGets404OnEveryIdRouteAndNothingChanges() {
        String callId = Fixtures.openCall();
        String id = Fixtures.draft(callId, OWNER);
        String other = region(OTHER);
        given().header("Authorization", other).get("/api/v1/applications/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", other).get("/api/v1/applications/" + id + "/history").then().statusCode(404);
        given().header("Authorization", other).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "hijacked"))
                .put("/api/v1/applications/" + id).then().statusCode(404);
        given().header("Authorization", other).post("/api/v1/applications/" + id + "/submit").then().statusCode(404);
        given().header("Authorization", other).post("/api/v1/applications/" + id + "/withdraw").then().statusCode(404);
        given().header("Authorization", other).get("/api/v1/applications?callId=" + callId)
                .then().statusCode(200).body("total", equalTo(0));

        given().header("Authorization", region(OWNER)).get("/api/v1/applications/" + id)
                .then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("title", equalTo("Busan shipbuilding AX"))
                .body("version", equalTo(0));
    }

    @Test
    void regionFromTheTokenNeverFromTheBody() {
        String callId = Fixtures.openCall();
        String body = Fixtures.applicationBody(callId, "x").replace("{\"callId\"",
                "{\"region\": \"KR-26\", \"status\": \"SELECTED\", \"callId\"");
        given().header("Authorization", region(OWNER)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications")
                .then().statusCode(400)
                .body("violations[0].rule", equalTo("unknown-property"));
    }

    @Test
    void evaluatorsSeeSubmittedNotDraftsPortalsOnlyDecided() {
        String callId = Fixtures.openCall();
        String draft = Fixtures.draft(callId, "KR-41");
        String submitted = Fixtures.draft(callId, OWNER);
        given().header("Authorization", region(OWNER)).post("/api/v1/applications/" + submitted + "/submit")
                .then().statusCode(202);
        String evaluator = TestTokens.bearer(TestTokens.evaluator(2));
        given().header("Authorization", evaluator).get("/api/v1/applications/" + draft).then().statusCode(404);
        given().header("Authorization", evaluator).get("/api/v1/applications/" + submitted).then().statusCode(200);
        given().header("Authorization", evaluator).get("/api/v1/applications?callId=" + callId)
                .then().body("items.id", hasItem(submitted)).body("items.id", not(hasItem(draft)));
        // Evaluators read; they never change an application.
        given().header("Authorization", evaluator).post("/api/v1/applications/" + submitted + "/withdraw")
                .then().statusCode(403);

        String portal = TestTokens.bearer(TestTokens.portal());
        given().header("Authorization", portal).get("/api/v1/applications/" + submitted).then().statusCode(404);
        given().header("Authorization", portal).get("/api/v1/applications?callId=" + callId)
                .then().body("total", equalTo(0));

        given().header("Authorization", admin()).get("/api/v1/applications?callId=" + callId + "&size=100")
                .then().body("total", equalTo(2)).body("items.region", everyItem(org.hamcrest.Matchers.oneOf(
                        "KR-41", OWNER)));
    }
}
