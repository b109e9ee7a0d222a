package kr.go.ax.applications.calls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.go.ax.common.testing.FreshConsumerGroups;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Applies to every test of the module: test consumer groups start at the end of their topics.
@QuarkusTestResource(FreshConsumerGroups.class)
class CallResourceTest {
    private static String admin() {
        return TestTokens.bearer(TestTokens.admin());
    }

    @Test
    void adminCreatesCallInDraftAndEveryoneReadsIt() {
        String code = CallRequests.uniqueCode();
        String id = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(CallRequests.valid(code))
                .when().post("/api/v1/calls")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/calls/"))
                .body("status", equalTo("DRAFT"))
                .body("code", equalTo(code))
                .body("fiscalYears", contains(2026, 2027))
                .body("fundingRules.centralReferencePerRegionPerYearKrw", equalTo(7000000000L))
                .body("eligibility.excludedRegions", contains("KR-11", "KR-27", "KR-31", "KR-46", "KR-48", "KR-49"))
                .body("evaluation.presentationWeightPct", equalTo(60))
                .extract().path("id");

        given().header("Authorization", TestTokens.bearer(TestTokens.region("KR-26")))
                .when().get("/api/v1/calls/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("opensAt", equalTo("2026-02-04T00:00:00Z"))
                .body("fundingRules.centralPoolPerYearKrw", equalTo(14000000000L));

        given().header("Authorization", TestTokens.bearer(TestTokens.portal()))
                .when().get("/api/v1/calls?status=DRAFT&size=100")
                .then().statusCode(200)
                .body("items.code", hasItem(code))
                .body("size", equalTo(100));
    }

    @Test
    void creationIsPublishedAsCloudEventKeyedByCallId() {
        String code = CallRequests.uniqueCode();
        String id = given().header("Authorization", admin()).header("X-Request-Id", "req-" + code)
                .contentType(ContentType.JSON).body(CallRequests.valid(code))
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");

        var records = TestKafka.await("ax.calls", r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertFalse(records.isEmpty(), "CallCreated reached ax.calls");
        var record = records.get(0);
        assertEquals("kr.go.ax.call.created.v1", TestKafka.header(record, "ce_type"));
        assertEquals("1.0", TestKafka.header(record, "ce_specversion"));
        assertEquals("/ax/applications-service", TestKafka.header(record, "ce_source"));
        assertEquals(id, TestKafka.header(record, "ce_subject"));
        assertEquals("req-" + code, TestKafka.header(record, "x-request-id"), "correlation id travels with the event");
        JsonPath data = new JsonPath(record.value());
        assertEquals(code, data.getString("code"));
        assertEquals("DRAFT", data.getString("status"));
        assertEquals(6000, data.getInt("fundingRules.centralShareMaxBp"));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = CallRequests.uniqueCode();
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(CallRequests.valid(code))
                .post("/api/v1/calls").then().statusCode(201);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(CallRequests.valid(code))
                .post("/api/v1/calls")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("CALL_CODE_TAKEN"));
    }

    @Test
    void onlyAdminsCreateCalls() {
        given().header("Authorization", TestTokens.bearer(TestTokens.region("KR-26")))
                .contentType(ContentType.JSON).body(CallRequests.valid(CallRequests.uniqueCode()))
                .post("/api/v1/calls")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void noTokenIsUnauthenticated() {
        given().when().get("/api/v1/calls")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"code\": ")
                .post("/api/v1/calls")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void unknownPropertyNamesTheField() {
        String body = CallRequests.valid(CallRequests.uniqueCode()).replace("\"slots\": 2", "\"slotz\": 2");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calls")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("slotz"))
                .body("violations[0].rule", equalTo("unknown-property"));
    }

    @Test
    void wrongTypeNamesTheNestedField() {
        String body = CallRequests.valid(CallRequests.uniqueCode())
                .replace("\"centralShareMaxBp\": 6000", "\"centralShareMaxBp\": \"sixty\"");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calls")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("fundingRules.centralShareMaxBp"))
                .body("violations[0].rule", equalTo("type"));
    }

    @Test
    void numberPastLongIsRejected() {
        String body = CallRequests.valid(CallRequests.uniqueCode())
                .replace("14000000000", "99999999999999999999999");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calls")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("fundingRules.centralPoolPerYearKrw"));
    }

    @Test
    void ruleViolationsNameEachFieldAndRule() {
        String body = CallRequests.valid(CallRequests.uniqueCode())
                .replace("\"closesAt\": \"2026-03-10T09:00:00Z\"", "\"closesAt\": \"2026-01-10T09:00:00Z\"")
                .replace("\"KR-48\"", "\"KR-99\"")
                .replace("\"slots\": 2", "\"slots\": 0")
                .replace("\"documentWeightPct\": 40", "\"documentWeightPct\": 50");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calls")
                .then().statusCode(400)
                .body("violations.field", hasItem("slots"))
                .body("violations.find { it.field == 'slots' }.rule", equalTo("min"));

        String consistent = CallRequests.valid(CallRequests.uniqueCode())
                .replace("\"closesAt\": \"2026-03-10T09:00:00Z\"", "\"closesAt\": \"2026-01-10T09:00:00Z\"")
                .replace("\"KR-48\"", "\"KR-99\"")
                .replace("\"documentWeightPct\": 40", "\"documentWeightPct\": 50");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(consistent)
                .post("/api/v1/calls")
                .then().statusCode(400)
                .body("violations.field", contains("closesAt", "eligibility.excludedRegions[1]", "evaluation"))
                .body("violations.rule", contains("after-opens-at", "region-code", "weights-sum"));
    }

    @Test
    void missingBodyIsA400() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .post("/api/v1/calls")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownCallIs404Problem() {
        given().header("Authorization", admin())
                .get("/api/v1/calls/6f1c2a57-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void malformedIdIsNotA500() {
        given().header("Authorization", admin()).get("/api/v1/calls/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownRouteAndWrongMethodAreProblems() {
        given().header("Authorization", admin()).get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", admin()).delete("/api/v1/calls")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().header("Authorization", admin()).contentType(ContentType.TEXT).body("code=1")
                .post("/api/v1/calls")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void requestIdIsEchoed() {
        given().header("Authorization", admin()).header("X-Request-Id", "trace-me-1")
                .get("/api/v1/calls/6f1c2a57-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .header("X-Request-Id", "trace-me-1")
                .body("requestId", equalTo("trace-me-1"))
                .body("detail", containsString("does not exist"))
                .body("type", notNullValue());
    }

    @Test
    void draftIsEditableThenOpenFreezesItAndCloseEndsIt() {
        String code = CallRequests.uniqueCode();
        String id = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(CallRequests.valid(code)).post("/api/v1/calls")
                .then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        String farDeadline = CallRequests.valid(code).replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z");

        given().header("Authorization", admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(farDeadline.replace("\"slots\": 2", "\"slots\": 3"))
                .put("/api/v1/calls/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("slots", equalTo(3));
        given().header("Authorization", admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(farDeadline).put("/api/v1/calls/" + id)
                .then().statusCode(412).body("code", equalTo("STALE_VERSION"));

        given().header("Authorization", admin()).post("/api/v1/calls/" + id + "/open")
                .then().statusCode(200).body("status", equalTo("OPEN"));
        given().header("Authorization", admin()).post("/api/v1/calls/" + id + "/open")
                .then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(farDeadline)
                .put("/api/v1/calls/" + id)
                .then().statusCode(409).body("code", equalTo("CALL_NOT_DRAFT"));
        given().header("Authorization", admin()).get("/api/v1/calls/" + id)
                .then().body("slots", equalTo(3)).body("status", equalTo("OPEN"));

        given().header("Authorization", admin()).post("/api/v1/calls/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        var opened = TestKafka.await("ax.calls", r -> id.equals(r.key())
                && "kr.go.ax.call.closed.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        assertFalse(opened.isEmpty(), "CallClosed published");
        assertEquals("CLOSED", new JsonPath(opened.get(0).value()).getString("status"));
        assertEquals(3, new JsonPath(opened.get(0).value()).getInt("version"));
    }

    @Test
    void callWhoseDeadlinePassedCannotOpen() {
        String id = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(CallRequests.valid(CallRequests.uniqueCode()).replace("2026-03-10T09:00:00Z",
                        "2025-03-10T09:00:00Z").replace("2026-02-04T00:00:00Z", "2025-02-04T00:00:00Z"))
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin()).post("/api/v1/calls/" + id + "/open")
                .then().statusCode(409).body("code", equalTo("CALL_DEADLINE_PASSED"));
    }

    @Test
    void onlyAdminsChangeCalls() {
        String id = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(CallRequests.valid(CallRequests.uniqueCode())).post("/api/v1/calls")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer(TestTokens.region("KR-26")))
                .post("/api/v1/calls/" + id + "/open").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.portal()))
                .post("/api/v1/calls/" + id + "/close").then().statusCode(403);
        given().header("Authorization", admin()).get("/api/v1/calls/" + id).then().body("status", equalTo("DRAFT"));
    }
}
