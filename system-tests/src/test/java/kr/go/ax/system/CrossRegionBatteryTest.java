package kr.go.ax.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every route of the merged OpenAPI document whose path names something a region or a portal owns (an
 * application, or a webhook subscription), another region's (or portal's) key gets a 404, exactly as for an id that
 * does not exist, and nothing changes for the owner. Routes whose role a region never holds answer 403 to the owner
 * as well, which discloses nothing either.
 */
class CrossRegionBatteryTest {
    private static final String OWNER = "demo-region-KR-26";
    private static final String OTHER = "demo-region-KR-11";

    @BeforeAll
    static void startSuite() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    @Test
    void anotherRegionOrPortalGets404OnEveryOwnedIdAndNothingChanges() throws Exception {
        OpenApiOperations api = OpenApiOperations.fromGateway();
        String code = "AX-XR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String callId = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(CallFlowThroughGatewayTest.callBody(code).replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z"))
                .post("/api/v1/calls").then().log().ifValidationFails().statusCode(201).extract().path("id");
        given().header("X-API-Key", "demo-admin").post("/api/v1/calls/" + callId + "/open").then().statusCode(200);
        String applicationId = given().header("X-API-Key", OWNER).contentType(ContentType.JSON)
                .body(CallFlowThroughGatewayTest.applicationBody(callId)).post("/api/v1/applications").then()
                .statusCode(201).extract().path("id");
        given().header("X-API-Key", OWNER).post("/api/v1/applications/" + applicationId + "/submit").then()
                .statusCode(202);
        // The other services have their copy (the budget verdict came back) before the battery starts.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !"SUBMITTED".equals(given()
                .header("X-API-Key", OWNER).get("/api/v1/applications/" + applicationId).path("status")));
        // A second portal, so a portal's subscription can be tried by another portal.
        io.restassured.path.json.JsonPath portalKey = given().header("X-API-Key", "demo-admin")
                .contentType(ContentType.JSON).body(Map.of("name", "xr-portal-" + code.toLowerCase(Locale.ROOT),
                        "roles", List.of("portal"))).post("/api/v1/gateway/api-keys")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath();
        String otherPortal = portalKey.getString("key");
        String subscriptionId = given().header("X-API-Key", "demo-portal").contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/xr", "eventTypes", List.of("kr.go.ax.evaluation.decided.v1")))
                .post("/api/v1/webhooks").then().log().ifValidationFails().statusCode(201).extract().path("id");

        String before = ownerView(applicationId, subscriptionId);
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (OpenApiOperations.Operation op : api.all()) {
            String owned;
            String owner;
            String intruder;
            if (op.path().startsWith("/api/v1/webhooks/{id}")) {
                owned = subscriptionId;
                owner = "demo-portal";
                intruder = otherPortal;
            } else if (op.path().startsWith("/api/v1/applications/{id}")
                    || op.pathParameters().contains("applicationId")) {
                owned = applicationId;
                owner = OWNER;
                intruder = OTHER;
            } else {
                continue; // programme-wide data (calls, rubrics, ledgers) or the gateway's own keys
            }
            tried++;
            String path = op.pathWith(owned);
            path = path.replace("{period}", "2026-07").replace("{deliveryId}", UUID.randomUUID().toString());
            String body = bodyFor(api, op, owned);
            Response r = request(intruder, op, path, body);
            if (r.statusCode() == 404 && r.contentType().startsWith("application/problem+json")) {
                continue;
            }
            if (r.statusCode() == 403) {
                // A route for another role: the owner is refused the same way, so nothing is disclosed.
                if (request(owner, op, path, body).statusCode() == 403) {
                    continue;
                }
            }
            failures.add(op + " as " + intruder + " -> " + r.statusCode() + " " + r.asString());
        }
        String after = ownerView(applicationId, subscriptionId);
        System.out.printf(Locale.ROOT, "cross-region battery: %d routes tried, %d failures%n", tried, failures.size());
        assertTrue(tried >= 20, "routes naming an owned id (found " + tried + ")");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, after, "the owner's data changed");

        given().header("X-API-Key", "demo-portal").delete("/api/v1/webhooks/" + subscriptionId).then()
                .statusCode(204);
        given().header("X-API-Key", "demo-admin").delete("/api/v1/gateway/api-keys/" + portalKey.getString("id"))
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        given().header("X-API-Key", OWNER).get("/api/v1/applications/" + applicationId).then().statusCode(200)
                .body("id", equalTo(applicationId));
    }

    /** Everything the owners can read about what was tried: any change shows as a difference. */
    private static String ownerView(String applicationId, String subscriptionId) {
        return String.join("\n",
                given().header("X-API-Key", OWNER).get("/api/v1/applications/" + applicationId).asString(),
                given().header("X-API-Key", OWNER).get("/api/v1/applications/" + applicationId + "/history")
                        .asString(),
                given().header("X-API-Key", OWNER).get("/api/v1/applications/" + applicationId + "/progress-reports")
                        .asString(),
                given().header("X-API-Key", OWNER).get("/api/v1/budget/assessments/" + applicationId).asString(),
                given().header("X-API-Key", OWNER).get("/api/v1/budget/applications/" + applicationId + "/execution")
                        .asString(),
                given().header("X-API-Key", OWNER).get("/api/v1/evaluation/applications/" + applicationId
                        + "/appeals").asString(),
                given().header("X-API-Key", "demo-portal").get("/api/v1/webhooks/" + subscriptionId).asString()
                        .replaceAll("\"updatedAt\":\"[^\"]*\"", ""),
                given().header("X-API-Key", "demo-portal").get("/api/v1/webhooks/" + subscriptionId + "/deliveries")
                        .asString()).replaceAll("\"requestId\":\"[^\"]*\"", "");
    }

    /** A body the owner could send: built from the document's examples, so validation is not what refuses it. */
    private static String bodyFor(OpenApiOperations api, OpenApiOperations.Operation op, String owned) {
        var schema = op.bodies().get("application/json");
        if (schema == null) {
            schema = op.bodies().get("application/x-ndjson");
        }
        if (schema == null) {
            return null;
        }
        var example = api.example(schema);
        if (example instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.has("applicationId")) {
            object.put("applicationId", owned); // a body naming the path's application, as the owner would send
        }
        return example.toString();
    }

    private static Response request(String key, OpenApiOperations.Operation op, String path, String body) {
        var spec = given().header("X-API-Key", key).header("If-Match", "\"1\"");
        if (body != null) {
            spec = spec.contentType(op.bodies().containsKey("application/json") ? "application/json"
                    : "application/x-ndjson").body(body);
        }
        return spec.request(op.method().toUpperCase(), path);
    }
}
