package kr.go.ax.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark of budget-service's dry run and bulk expenditure ingest through the gateway (and the dry run straight to
 * the service, so the gateway's share is visible). Not part of the test run: bin/bench runs it and prints the
 * figures, also written to system-tests/target/benchmarks/budget.md.
 */
@Tag("benchmark")
class BudgetBenchmark {
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    static final int REQUESTS = Integer.getInteger("bench.requests", 4000);
    static final int BULK_LINES = 10_000;

    static final String DRY_RUN = """
            {"fundingRules": {"centralShareMaxBp": 6000, "localGovernmentShareMinBp": 2000,
              "centralReferencePerRegionPerYearKrw": 7000000000},
             "projects": [{"type": "AI_SOLUTION_DEVELOPMENT", "title": "p", "budget": [
               {"fiscalYear": 2026, "centralKrw": 3000000000, "localGovernmentKrw": 1200000000, "selfContributionKrw": 800000000},
               {"fiscalYear": 2027, "centralKrw": 3000000000, "localGovernmentKrw": 1200000000, "selfContributionKrw": 800000000}]}]}""";

    @BeforeAll
    static void startSuite() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    record Run(String name, ClosedLoop.Outcome outcome) {
        int requests() {
            return outcome.requests();
        }

        double throughput() {
            return outcome.throughput();
        }

        double percentileMillis(double p) {
            return outcome.percentileMillis(p);
        }
    }

    static Run load(String name, String url, String key, int requests) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DRY_RUN));
        if (key.startsWith("Bearer")) {
            request.header("Authorization", key);
        } else {
            request.header("X-API-Key", key);
        }
        return new Run(name, ClosedLoop.run(name, request.build(), CONCURRENCY, requests));
    }

    @Test
    void dryRunAndBulkIngest() throws Exception {
        Suite suite = Suite.get();
        StringBuilder report = new StringBuilder();
        report.append("| measurement | requests | throughput | p50 | p99 |\n|---|---|---|---|---|\n");

        load("warm-up", suite.gatewayUrl() + "/api/v1/budget/checks", "demo-portal", 1000);
        Run gateway = load("dry run via gateway", suite.gatewayUrl() + "/api/v1/budget/checks", "demo-portal",
                REQUESTS);
        // Straight to the service, with the token the gateway would have forwarded.
        String token = suite.tokenFor("portal", "portal", null);
        Run direct = load("dry run direct to budget-service", "http://127.0.0.1:" + suite.ports.get("budget-service")
                + "/api/v1/budget/checks", "Bearer " + token, REQUESTS);
        for (Run run : List.of(gateway, direct)) {
            report.append(String.format("| %s (%d threads) | %d | %.0f req/s | %.2f ms | %.2f ms |%n", run.name(),
                    CONCURRENCY, run.requests(), run.throughput(), run.percentileMillis(0.50),
                    run.percentileMillis(0.99)));
        }

        String applicationId = selectedApplication(suite);
        for (int round = 1; round <= 3; round++) {
            StringBuilder body = new StringBuilder(BULK_LINES * 220);
            for (int i = 0; i < BULK_LINES; i++) {
                body.append("{\"externalId\": \"r").append(round).append('-').append(i)
                        .append("\", \"fiscalYear\": 2026, \"spentOn\": \"2026-05-02\", \"source\": \"CENTRAL\",")
                        .append(" \"amountKrw\": 1000, \"category\": \"CLOUD_COMPUTE\", \"evidence\": {\"type\":")
                        .append(" \"E_TAX_INVOICE\", \"reference\": \"20260502-").append(i).append("\"}}\n");
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            given().header("X-API-Key", "demo-region-KR-26").contentType("application/x-ndjson").body(bytes)
                    .post("/api/v1/budget/applications/" + applicationId + "/expenditures")
                    .then().statusCode(200).body("accepted", equalTo(BULK_LINES));
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.append(String.format("| bulk ingest round %d via gateway (%d lines, %.1f MB) | 1 | %.0f records/s |"
                    + " %.2f s total | |%n", round, BULK_LINES, bytes.length / 1e6, BULK_LINES / seconds, seconds));
        }

        Path out = Path.of(System.getProperty("ax.root", "..")).resolve("system-tests/target/benchmarks/budget.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n=== budget-service benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores) ===\n" + report);
    }

    /** A selected application: call and submission through the gateway, the decision as evaluation-service sends it. */
    private static String selectedApplication(Suite suite) {
        String code = "AX-BENCH-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String callId = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(CallFlowThroughGatewayTest.callBody(code).replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z")
                        .replace("\"centralPoolPerYearKrw\": 14000000000", "\"centralPoolPerYearKrw\": 14000000000"))
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
        given().header("X-API-Key", "demo-admin").post("/api/v1/calls/" + callId + "/open").then().statusCode(200);
        String id = given().header("X-API-Key", "demo-region-KR-26").contentType(ContentType.JSON)
                .body(CallFlowThroughGatewayTest.applicationBody(callId).replace("\"centralKrw\": 3000000000",
                        "\"centralKrw\": 6000000000").replace("\"localGovernmentKrw\": 1200000000",
                        "\"localGovernmentKrw\": 2000000000").replace("\"selfContributionKrw\": 800000000",
                        "\"selfContributionKrw\": 2000000000"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().header("X-API-Key", "demo-region-KR-26").post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-region-KR-26").get("/api/v1/applications/" + id)
                .then().body("status", equalTo("ELIGIBLE")));
        // The award is what the application asks for, per fiscal year, as evaluation-service would decide it.
        List<Map<String, Object>> lines = given().header("X-API-Key", "demo-region-KR-26")
                .get("/api/v1/applications/" + id).then().extract().jsonPath().getList("projects.budget.flatten()");
        Map<Integer, Long> award = new java.util.TreeMap<>();
        lines.forEach(l -> award.merge((Integer) l.get("fiscalYear"), ((Number) l.get("centralKrw")).longValue(),
                Long::sum));
        String awardJson = award.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        Properties props = new Properties();
        props.put("bootstrap.servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> decided = new ProducerRecord<>("ax.evaluation", callId, """
                    {"callId": "%s", "version": 1, "reason": "INITIAL", "decidedAt": "2026-04-01T00:00:00Z",
                     "outcomes": [{"applicationId": "%s", "region": "KR-26", "decision": "SELECTED", "rank": 1,
                                   "awardedCentralByYear": %s}]}""".formatted(callId, id, awardJson));
            decided.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "kr.go.ax.evaluation.selection-decided.v1".getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/ax/benchmark".getBytes(StandardCharsets.UTF_8));
            producer.send(decided).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("X-API-Key", "demo-region-KR-26").get("/api/v1/budget/applications/" + id + "/execution")
                .then().statusCode(200).body("allocationStatus", equalTo("COMMITTED")));
        return id;
    }
}
