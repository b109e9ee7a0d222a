package kr.go.ax.applications.applications;

import static io.restassured.RestAssured.given;
import static kr.go.ax.applications.Fixtures.admin;
import static kr.go.ax.applications.Fixtures.region;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import kr.go.ax.applications.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmissionRulesTest {

    @Test
    void excludedRegionCannotApply() {
        String callId = Fixtures.openCall();
        given().header("Authorization", region("KR-48")).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "Gyeongnam"))
                .post("/api/v1/applications")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("REGION_NOT_ELIGIBLE"));
    }

    @Test
    void secondActiveApplicationOfARegionIsADuplicate() {
        String callId = Fixtures.openCall();
        String first = Fixtures.draft(callId, "KR-31");
        String second = Fixtures.draft(callId, "KR-31");
        given().header("Authorization", region("KR-31")).post("/api/v1/applications/" + first + "/submit")
                .then().statusCode(202);
        given().header("Authorization", region("KR-31")).post("/api/v1/applications/" + second + "/submit")
                .then().statusCode(409)
                .body("code", equalTo("DUPLICATE_APPLICATION"));
        given().header("Authorization", region("KR-31")).get("/api/v1/applications/" + second)
                .then().body("status", equalTo("DRAFT"));
    }

    @Test
    void incompleteApplicationListsWhatIsMissing() {
        String callId = Fixtures.openCall();
        String id = given().header("Authorization", region("KR-42")).contentType(ContentType.JSON)
                .body("{\"callId\": \"" + callId + "\", \"title\": \"Gangwon, early draft\"}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().header("Authorization", region("KR-42")).post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(422)
                .body("code", equalTo("INCOMPLETE_APPLICATION"))
                .body("violations.field", hasItems("summary", "leadAgency", "sustainabilityPlan", "industryFocus",
                        "kpis", "projects"));
    }

    @Test
    void fiscalYearOutsideTheCallIsRejected() {
        String callId = Fixtures.openCall();
        String body = Fixtures.applicationBody(callId, "Chungbuk").replace("\"fiscalYear\": 2027",
                "\"fiscalYear\": 2028");
        String id = given().header("Authorization", region("KR-43")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().header("Authorization", region("KR-43")).post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(422)
                .body("code", equalTo("FISCAL_YEAR_OUTSIDE_CALL"))
                .body("violations[0].field", equalTo("projects[0].budget[1].fiscalYear"));
    }

    @Test
    void submitAfterTheDeadlineIsRefusedAndTheCallClosesByItself() throws InterruptedException {
        Instant closesAt = Instant.now().plusSeconds(3);
        String callId = Fixtures.openCall(closesAt);
        String id = Fixtures.draft(callId, "KR-44");
        long wait = Duration.between(Instant.now(), closesAt.plusSeconds(1)).toMillis();
        Thread.sleep(Math.max(0, wait)); // one second after the deadline
        given().header("Authorization", region("KR-44")).post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409)
                .body("code", oneOf("DEADLINE_PASSED", "CALL_NOT_OPEN"));
        given().header("Authorization", region("KR-44")).get("/api/v1/applications/" + id)
                .then().body("status", equalTo("DRAFT"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("Authorization", admin()).get("/api/v1/calls/" + callId)
                .then().body("status", equalTo("CLOSED")));
    }

    @Test
    void draftCallAcceptsNoSubmission() {
        String callId = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Fixtures.callBody("AX-DRAFT-" + System.nanoTime() % 100000, Instant.parse(
                        "2099-01-01T00:00:00Z"), "[]"))
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
        String id = Fixtures.draft(callId, "KR-45");
        given().header("Authorization", region("KR-45")).post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409)
                .body("code", equalTo("CALL_NOT_OPEN"));
    }
}
