package kr.go.ax.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.common.testing.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The skeleton's whole path, only through the gateway: an admin creates a call in applications-service; its outbox
 * publishes a CloudEvent to Kafka; budget-service and evaluation-service consume it into their own databases; the
 * copies are read back through the gateway with other callers' keys.
 */
class CallFlowThroughGatewayTest {

    @BeforeAll
    static void startSuite() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    static String callBody(String code) {
        return """
                {"code": "%s", "title": "Region-Led AI Transformation 2026",
                 "opensAt": "2026-02-04T00:00:00Z", "closesAt": "2026-03-10T09:00:00Z", "fiscalYears": [2026, 2027],
                 "slots": 2, "reserveSlots": 1,
                 "fundingRules": {"centralPoolPerYearKrw": 14000000000, "centralReferencePerRegionPerYearKrw": 7000000000,
                                  "centralShareMaxBp": 6000, "localGovernmentShareMinBp": 2000},
                 "eligibility": {"excludedRegions": ["KR-11", "KR-48", "KR-27", "KR-31", "KR-46", "KR-49"]},
                 "evaluation": {"documentWeightPct": 40, "presentationWeightPct": 60}}""".formatted(code);
    }

    @Test
    void callCreatedThroughGatewayReachesBudgetAndEvaluation() {
        String code = "AX-E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON).body(callBody(code))
                .when().post("/api/v1/calls")
                .then().statusCode(201)
                .header("X-Request-Id", notNullValue())
                // Links point at the gateway the client called, never at an internal service address.
                .header("Location", startsWith(Suite.get().gatewayUrl() + "/api/v1/calls/"))
                .body("status", equalTo("DRAFT"))
                .extract().path("id");

        given().header("X-API-Key", "demo-region-KR-26").get("/api/v1/calls/" + id)
                .then().statusCode(200).body("code", equalTo(code));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-portal").get("/api/v1/budget/calls/" + id + "/funding-rules")
                .then().statusCode(200)
                .body("code", equalTo(code))
                .body("centralShareMaxBp", equalTo(6000))
                .body("localGovernmentShareMinBp", equalTo(2000))
                .body("centralReferencePerRegionPerYearKrw", equalTo(7000000000L)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-evaluator-1").get("/api/v1/evaluation/calls/" + id + "/settings")
                .then().statusCode(200)
                .body("documentWeightPct", equalTo(40))
                .body("presentationWeightPct", equalTo(60))
                .body("slots", equalTo(2)));
    }

    @Test
    void identityIsEnforcedByTheGatewayAndTheServices() {
        given().get("/api/v1/calls")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("X-API-Key", "demo-region-KR-26").contentType(ContentType.JSON)
                .body(callBody("AX-E2E-FORBIDDEN"))
                .post("/api/v1/calls")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        // A token forged by the caller is replaced by the gateway's own: the key decides, not the header.
        given().header("X-API-Key", "demo-region-KR-26").header("Authorization", "Bearer forged")
                .contentType(ContentType.JSON).body(callBody("AX-E2E-FORGED"))
                .post("/api/v1/calls")
                .then().statusCode(403);
    }

    @Test
    void badInputThroughTheGatewayIsAProblemNotA500() {
        given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON).body("{\"code\": \"AX-1\", ")
                .post("/api/v1/calls")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void consoleListsEveryServiceDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/api/v1/gateway/openapi/applications")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/calls"));
        given().get("/api/v1/gateway/openapi/budget")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/budget/calls/{callId}/funding-rules"));
        given().get("/api/v1/gateway/openapi/evaluation")
                .then().statusCode(200)
                .body("components.securitySchemes", hasKey("apiKey"));
    }

    @Test
    void servicesReportDatabaseAndBrokerInReadiness() {
        Suite suite = Suite.get();
        for (String service : new String[] {"applications-service", "budget-service", "evaluation-service"}) {
            given().baseUri("http://127.0.0.1:" + suite.ports.get(service)).get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItem("Database connections health check"))
                    .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
            given().baseUri("http://127.0.0.1:" + suite.ports.get(service)).get("/q/metrics")
                    .then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
            given().baseUri("http://127.0.0.1:" + suite.ports.get(service)).get("/q/health/started")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    static String applicationBody(String callId) {
        return """
                {"callId": "%s", "title": "Busan shipbuilding AX", "summary": "AI for shipyards",
                 "leadAgency": "Busan Technopark", "partners": ["Pusan National University"],
                 "industryFocus": ["SHIPBUILDING", "MACHINERY"],
                 "projects": [{"type": "AI_SOLUTION_DEVELOPMENT", "title": "Welding vision", "description": "d",
                               "targetSmeCount": 30,
                               "budget": [{"fiscalYear": 2026, "centralKrw": 3000000000,
                                           "localGovernmentKrw": 1200000000, "selfContributionKrw": 800000000}]}],
                 "kpis": {"baselineAiAdoptionPct": 17.9, "targetAiAdoptionPct": 30.0, "smesSupported": 120,
                          "traineesPlanned": 400, "localVendorSharePct": 60.0},
                 "sustainabilityPlan": "kept by the Technopark"}""".formatted(callId);
    }

    @Test
    void regionAppliesThroughTheGatewayAndOtherRegionsSeeNothing() throws Exception {
        // A portal listens for outcomes and progress (the local profile allows a receiver on this machine).
        try (WebhookReceiver portal = new WebhookReceiver()) {
            io.restassured.path.json.JsonPath subscription = given().header("X-API-Key", "demo-portal")
                    .contentType(ContentType.JSON).body(Map.of("url", portal.url("/ax"), "eventTypes",
                            List.of("kr.go.ax.evaluation.decided.v1", "kr.go.ax.application.progress-reported.v1")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
            try {
                applyEvaluateDecideReportAndRenounce(portal, subscription.getString("secret"));
            } finally {
                given().header("X-API-Key", "demo-portal").delete("/api/v1/webhooks/" + subscription.getString("id"))
                        .then().statusCode(204);
            }
        }
    }

    private void applyEvaluateDecideReportAndRenounce(WebhookReceiver portal, String secret) throws Exception {
        String code = "AX-E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String callId = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(callBody(code).replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z"))
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
        given().header("X-API-Key", "demo-admin").header("Idempotency-Key", "open-" + code)
                .post("/api/v1/calls/" + callId + "/open").then().statusCode(200).body("status", equalTo("OPEN"));

        String id = given().header("X-API-Key", "demo-region-KR-26").contentType(ContentType.JSON)
                .body(applicationBody(callId))
                .post("/api/v1/applications")
                .then().statusCode(201)
                .body("region", equalTo("KR-26"))
                .header("Location", startsWith(Suite.get().gatewayUrl() + "/api/v1/applications/"))
                .extract().path("id");
        given().header("X-API-Key", "demo-region-KR-26").header("Idempotency-Key", "submit-" + id)
                .post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(202).body("status", equalTo("SUBMITTED"));
        given().header("X-API-Key", "demo-region-KR-26").header("Idempotency-Key", "submit-" + id)
                .post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(202).header("Idempotent-Replayed", "true");

        given().header("X-API-Key", "demo-region-KR-27").get("/api/v1/applications/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", "demo-region-KR-27").post("/api/v1/applications/" + id + "/withdraw")
                .then().statusCode(404);
        given().header("X-API-Key", "demo-evaluator-3").get("/api/v1/applications/" + id)
                .then().statusCode(200).body("status", oneOf("SUBMITTED", "ELIGIBLE"));

        // budget-service assesses the submitted budget and applications-service applies its verdict.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-region-KR-26").get("/api/v1/applications/" + id)
                .then().statusCode(200)
                .body("status", equalTo("ELIGIBLE"))
                .body("budgetAssessment.verdict", equalTo("APPROVED")));
        given().header("X-API-Key", "demo-region-KR-26").get("/api/v1/budget/assessments/" + id)
                .then().statusCode(200)
                .body("verdict", equalTo("APPROVED"))
                .body("overall.centralShareBp", equalTo(6000));
        given().header("X-API-Key", "demo-region-KR-27").get("/api/v1/budget/assessments/" + id)
                .then().statusCode(404);

        // A budget that breaks the local-government minimum comes back rejected, with the rule and the field.
        String rejected = given().header("X-API-Key", "demo-region-KR-29").contentType(ContentType.JSON)
                .body(applicationBody(callId).replace("\"localGovernmentKrw\": 1200000000",
                        "\"localGovernmentKrw\": 500000000").replace("\"selfContributionKrw\": 800000000",
                        "\"selfContributionKrw\": 1500000000"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().header("X-API-Key", "demo-region-KR-29").post("/api/v1/applications/" + rejected + "/submit")
                .then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-region-KR-29").get("/api/v1/applications/" + rejected)
                .then().statusCode(200)
                .body("status", equalTo("BUDGET_REJECTED"))
                .body("budgetAssessment.violations[0].code", equalTo("LOCAL_GOVERNMENT_SHARE_TOO_LOW"))
                .body("budgetAssessment.violations[0].field", equalTo("fiscalYears[2026]")));

        // The panel: five evaluators from other regions, appointed before the evaluation starts.
        List<String> panel = new ArrayList<>();
        String[] regions = {"KR-11", "KR-27", "KR-29", "KR-30", "KR-31"};
        for (int i = 1; i <= 5; i++) {
            String subject = "evaluator-" + i;
            given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                    .body(Map.of("subject", subject, "name", "Expert " + i, "affiliationRegion", regions[i - 1],
                            "institution", "Institute " + i))
                    .post("/api/v1/evaluation/evaluators").then().statusCode(oneOf(201, 409));
        }
        List<Map<String, Object>> registered = given().header("X-API-Key", "demo-admin")
                .get("/api/v1/evaluation/evaluators").then().statusCode(200).extract().jsonPath().getList("");
        registered.stream().filter(e -> ((String) e.get("subject")).matches("evaluator-[1-5]"))
                .forEach(e -> panel.add((String) e.get("id")));
        given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(Map.of("evaluatorIds", panel)).put("/api/v1/evaluation/calls/" + callId + "/panel")
                .then().statusCode(200);
        // The call closes; evaluation-service starts the evaluation of the eligible application only.
        given().header("X-API-Key", "demo-admin").post("/api/v1/calls/" + callId + "/close").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-admin").post("/api/v1/evaluation/calls/" + callId + "/start")
                .then().statusCode(200).body("applicationIds", org.hamcrest.Matchers.contains(id)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-region-KR-26").get("/api/v1/applications/" + id)
                .then().body("status", equalTo("UNDER_EVALUATION")));
        given().header("X-API-Key", "demo-region-KR-29").get("/api/v1/applications/" + rejected)
                .then().body("status", equalTo("BUDGET_REJECTED"));
        given().header("X-API-Key", "demo-region-KR-26").get("/api/v1/applications/" + id + "/history")
                .then().statusCode(200).body("to[1]", equalTo("SUBMITTED"));

        // The five evaluators of the panel score it; the decision selects it and the ledger commits its request.
        for (int i = 1; i <= 5; i++) {
            String key = "demo-evaluator-" + i;
            given().header("X-API-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("conflict", false, "statement", "No interest in this application."))
                    .post("/api/v1/evaluation/applications/" + id + "/declaration").then().statusCode(200);
            given().header("X-API-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("stage", "DOCUMENT", "scores", Map.of("REGIONAL_INDUSTRY_FIT", 20,
                            "DELIVERY_CAPACITY", 20, "FEASIBILITY", 16, "MATCHING_FUND_CAPACITY", 12,
                            "SUSTAINABILITY", 12)))
                    .put("/api/v1/evaluation/applications/" + id + "/scores").then().statusCode(200);
            given().header("X-API-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("stage", "PRESENTATION", "scores", Map.of("EXPERTISE", 24, "FEASIBILITY", 24,
                            "REGIONAL_INDUSTRY_FIT", 16 + i % 2, "DELIVERY_CAPACITY", 16)))
                    .put("/api/v1/evaluation/applications/" + id + "/scores").then().statusCode(200);
        }
        given().header("X-API-Key", "demo-admin").get("/api/v1/evaluation/calls/" + callId + "/ranking")
                .then().statusCode(200).body("entries[0].applicationId", equalTo(id))
                .body("entries[0].total", equalTo(80.4f)); // 0.4 × 80 + 0.6 × (48 + 16.666… + 16) = 32 + 48.4
        given().header("X-API-Key", "demo-admin").post("/api/v1/evaluation/calls/" + callId + "/decision")
                .then().statusCode(201).body("version", equalTo(1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-region-KR-26").get("/api/v1/applications/" + id)
                .then().body("status", equalTo("SELECTED")).body("decisionRank", equalTo(1)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-admin").get("/api/v1/budget/ledger/" + callId)
                .then().statusCode(200)
                .body("allocations[0].applicationId", equalTo(id))
                .body("allocations[0].status", equalTo("COMMITTED"))
                .body("years[0].committedKrw", equalTo(3000000000L)));
        given().header("X-API-Key", "demo-admin").get("/api/v1/calls/" + callId)
                .then().body("status", equalTo("DECIDED"));
        given().header("X-API-Key", "demo-region-KR-26").get("/api/v1/evaluation/applications/" + id + "/result")
                .then().statusCode(200).body("decision", equalTo("SELECTED")).body("total", equalTo(80.4f));
        given().header("X-API-Key", "demo-region-KR-29").get("/api/v1/evaluation/applications/" + id + "/result")
                .then().statusCode(404);

        // Execution: the region's system pushes progress in bulk; one bad line loses nothing.
        String line = "{\"applicationId\": \"" + id + "\", \"externalId\": \"busan-2026-10\","
                + " \"period\": \"2026-10\","
                + " \"smesSupported\": 12, \"solutionsDeployed\": 3, \"traineesTrained\": 40, \"aiAdoptionPct\": 19.5,"
                + " \"localVendorSharePct\": 55.0, \"jobsCreated\": 4, \"correction\": false,"
                + " \"narrative\": \"Pilots\","
                + " \"milestones\": [{\"projectIndex\": 0, \"status\": \"ON_TRACK\", \"dueOn\": \"2026-12-31\"}]}";
        given().header("X-API-Key", "demo-region-KR-26").header("Idempotency-Key", "progress-" + id)
                .contentType("application/x-ndjson")
                .body((line + "\n" + line.replace("19.5", "190.5").replace("2026-10", "2026-09") + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/progress-reports")
                .then().statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("results[1].errors[0].field", equalTo("aiAdoptionPct"));
        given().header("X-API-Key", "demo-region-KR-29").get("/api/v1/applications/" + id + "/progress-reports")
                .then().statusCode(404);
        given().header("X-API-Key", "demo-portal").get("/api/v1/results?callId=" + callId)
                .then().statusCode(200).body("regions[0].applicationId", equalTo(id))
                .body("regions[0].latestPeriod", equalTo("2026-10"))
                .body("regions[0].aiAdoptionVsNationalBaselinePp", equalTo(1.6f));
        // Both events reach the portal, signed so a Standard Webhooks library accepts them.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> portal.at("/ax").stream()
                .filter(r -> r.body().contains(id)).count() >= 2);
        List<String> types = new java.util.ArrayList<>();
        for (WebhookReceiver.Received r : portal.at("/ax")) {
            new com.standardwebhooks.Webhook(secret).verify(r.body(), r.headers());
            io.restassured.path.json.JsonPath event = new io.restassured.path.json.JsonPath(r.body());
            if (id.equals(event.getString("data.applicationId"))) {
                types.add(event.getString("type"));
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of("kr.go.ax.application.progress-reported.v1",
                "kr.go.ax.evaluation.decided.v1"), types.stream().sorted().toList());

        // The region renounces: the money goes back to the pool and a new decision version records it.
        given().header("X-API-Key", "demo-region-KR-26").contentType(ContentType.JSON)
                .body(Map.of("reason", "the consortium dissolved"))
                .post("/api/v1/applications/" + id + "/withdraw").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-admin").get("/api/v1/budget/ledger/" + callId)
                .then().body("allocations[0].status", equalTo("RELEASED"))
                .body("years[0].committedKrw", equalTo(0)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-admin").get("/api/v1/evaluation/calls/" + callId + "/decisions")
                .then().body("reason", equalTo(List.of("INITIAL", "SELECTED_WITHDRAWN"))));
    }
}
