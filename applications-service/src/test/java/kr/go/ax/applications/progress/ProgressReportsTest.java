package kr.go.ax.applications.progress;

import static io.restassured.RestAssured.given;
import static kr.go.ax.applications.Fixtures.admin;
import static kr.go.ax.applications.Fixtures.postProgress;
import static kr.go.ax.applications.Fixtures.progressReport;
import static kr.go.ax.applications.Fixtures.region;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import kr.go.ax.applications.Fixtures;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Period reports against the real database and broker (call fiscal years 2026 and 2027). */
@QuarkusTest
class ProgressReportsTest {
    private static final String BUSAN = "KR-26";
    private static final String DAEGU = "KR-27";

    @Inject
    EntityManager entityManager;

    String selected(String regionCode) {
        String id = Fixtures.draft(Fixtures.openCall(), regionCode);
        Fixtures.markSelected(entityManager, id);
        return id;
    }

    @Test
    void aPeriodIsStoredReplacedOrUnchangedAndEachChangeIsPublishedOnce() {
        String id = selected(BUSAN);
        postProgress(id, progressReport("2026-07", 12, ""), BUSAN).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/applications/" + id
                        + "/progress-reports/2026-07"))
                .body("status", equalTo("ACCEPTED"))
                .body("report.revision", equalTo(1))
                .body("report.periodStart", equalTo("2026-07-01"))
                .body("report.periodEnd", equalTo("2026-07-31"))
                .body("report.regionCode", equalTo(BUSAN))
                .body("report.aiAdoptionPct", equalTo(19.5f));
        // The same content, spelled differently (19.50): unchanged, nothing published.
        postProgress(id, progressReport("2026-07", 12, "").replace("19.5", "19.50"), BUSAN).then().statusCode(200)
                .body("status", equalTo("UNCHANGED")).body("report.revision", equalTo(1));
        postProgress(id, progressReport("2026-07", 14, ""), BUSAN).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("report.revision", equalTo(2))
                .body("report.smesSupported", equalTo(14));

        given().header("Authorization", region(BUSAN)).get("/api/v1/applications/" + id + "/progress-reports")
                .then().statusCode(200).body("", hasSize(1)).body("[0].smesSupported", equalTo(14))
                .body("[0].milestones[0].status", equalTo("ON_TRACK"));
        var events = TestKafka.readAll("ax.progress", r -> id.equals(r.key())
                && "kr.go.ax.application.progress-reported.v1".equals(TestKafka.header(r, "ce_type")), 3,
                Duration.ofSeconds(8));
        assertEquals(2, events.size(), "one event per stored change, none for the unchanged one");
        JsonPath second = new JsonPath(events.get(1).value());
        assertEquals(2, second.getInt("revision"));
        assertEquals(14, second.getInt("smesSupported"));
        assertEquals("2026-07", second.getString("period"));
        org.junit.jupiter.api.Assertions.assertNull(second.get("narrative"), "the narrative stays out of events");
    }

    @Test
    void rulesAnswer422NamingTheFieldAndNothingIsStored() {
        String id = selected(BUSAN);
        postProgress(id, progressReport("2026-08", 20, ""), BUSAN).then().statusCode(201);
        postProgress(id, progressReport("2026-09", 15, ""), BUSAN).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("COUNTER_DECREASED"))
                .body("violations.field", contains("smesSupported"));
        postProgress(id, progressReport("2026-09", 15, ", \"correction\": true"), BUSAN).then().statusCode(201)
                .body("report.correction", equalTo(true));
        postProgress(id, progressReport("2025-12", 30, ""), BUSAN).then().statusCode(422)
                .body("violations.rule", hasItem("PERIOD_OUTSIDE_CALL"));
        postProgress(id, progressReport("2026-13", 30, ""), BUSAN).then().statusCode(422)
                .body("code", equalTo("INVALID_PERIOD")).body("violations.field", contains("period"));
        postProgress(id, progressReport("2026-10", 30, "").replace("\"projectIndex\": 0", "\"projectIndex\": 3"), BUSAN)
                .then().statusCode(422).body("violations.field", contains("milestones[0].projectIndex"))
                .body("violations.rule", contains("UNKNOWN_PROJECT"));
        postProgress(id, progressReport("2026-10", 30, "").replace("\"aiAdoptionPct\": 19.5", "\"aiAdoptionPct\": 100.5"),
                BUSAN).then().statusCode(400).body("violations.field", hasItem("aiAdoptionPct"));
        postProgress(id, progressReport("2026-10", 30, "").replace("\"jobsCreated\": 4", "\"jobsCreated\": 4.5"), BUSAN)
                .then().statusCode(400);
        postProgress(id, progressReport("2026-10", 30, "").replace("busan-2026-10", "busan-2026-08"), BUSAN).then()
                .statusCode(422).body("code", equalTo("EXTERNAL_ID_CONFLICT"));
        given().header("Authorization", admin()).get("/api/v1/applications/" + id + "/progress-reports")
                .then().statusCode(200).body("period", contains("2026-08", "2026-09"));
    }

    @Test
    void onlyTheOwningRegionReportsAndOnlyOnSelectedApplications() {
        String id = selected(BUSAN);
        postProgress(id, progressReport("2026-07", 12, ""), DAEGU).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(TestTokens.portal())).contentType(ContentType.JSON)
                .body(progressReport("2026-07", 12, "")).post("/api/v1/applications/" + id + "/progress-reports")
                .then().statusCode(403);
        given().header("Authorization", region(DAEGU)).get("/api/v1/applications/" + id + "/progress-reports")
                .then().statusCode(404);
        given().header("Authorization", admin()).get("/api/v1/applications/" + id + "/progress-reports")
                .then().statusCode(200).body("", hasSize(0));
        String draft = Fixtures.draft(Fixtures.openCall(), BUSAN);
        postProgress(draft, progressReport("2026-07", 12, ""), BUSAN).then().statusCode(409)
                .body("code", equalTo("APPLICATION_NOT_SELECTED"));
        postProgress(id, progressReport("2026-07", 12, ", \"applicationId\": \"" + draft + "\""), BUSAN).then().statusCode(400)
                .body("violations.field", contains("applicationId"));
    }

    @Test
    void bulkAnswersEveryLineAndOneBadLineLosesNothing() {
        String busan = selected(BUSAN);
        String daegu = selected(DAEGU);
        String line1 = progressReport("2026-07", 12, ", \"applicationId\": \"" + busan + "\"").replace("\n", " ");
        String ndjson = String.join("\n",
                line1,
                progressReport("2026-08", 15, ", \"applicationId\": \"" + busan + "\"").replace("\n", " "),
                "{\"applicationId\": ",
                "",
                progressReport("2026-09", 16, ", \"applicationId\": \"" + busan + "\"").replace("\n", " ")
                        .replace("\"localVendorSharePct\": 55.0", "\"localVendorSharePct\": -1"),
                progressReport("2026-09", 16, ", \"applicationId\": \"" + daegu + "\"").replace("\n", " "),
                line1,
                progressReport("2026-09", 14, ", \"applicationId\": \"" + busan + "\"").replace("\n", " "),
                progressReport("2026-10", 18, ", \"applicationId\": \"" + busan + "\"").replace("\n", " ")) + "\n";
        given().header("Authorization", region(BUSAN)).contentType("application/x-ndjson")
                .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/progress-reports")
                .then().statusCode(200)
                .body("accepted", equalTo(3))
                .body("unchanged", equalTo(1))
                .body("rejected", equalTo(4))
                .body("results.line", contains(1, 2, 3, 5, 6, 7, 8, 9))
                .body("results.status", contains("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "REJECTED",
                        "UNCHANGED", "REJECTED", "ACCEPTED"))
                .body("results[2].errors[0].code", equalTo("MALFORMED_JSON"))
                .body("results[3].errors[0].field", equalTo("localVendorSharePct"))
                .body("results[4].errors[0].code", equalTo("NOT_FOUND"))
                .body("results[6].errors[0].code", equalTo("COUNTER_DECREASED"))
                .body("results[7].externalId", equalTo("busan-2026-10"));
        given().header("Authorization", region(BUSAN)).get("/api/v1/applications/" + busan + "/progress-reports")
                .then().body("period", contains("2026-07", "2026-08", "2026-10"))
                .body("revision", contains(1, 1, 1));
        given().header("Authorization", region(DAEGU)).get("/api/v1/applications/" + daegu + "/progress-reports")
                .then().body("", hasSize(0));
    }

    @Test
    void aDraftWithoutProjectsIsNotSelectedNotAServerError() {
        // A draft may be saved with "projects": null; the upload reads the projects count of every application named.
        String draft = given().header("Authorization", region(BUSAN)).contentType(ContentType.JSON)
                .body("{\"callId\": \"" + Fixtures.openCall() + "\", \"title\": \"Draft without projects\","
                        + " \"projects\": null}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String busan = selected(BUSAN);
        String ndjson = progressReport("2026-07", 12, ", \"applicationId\": \"" + draft + "\"").replace("\n", " ")
                + "\n" + progressReport("2026-07", 12, ", \"applicationId\": \"" + busan + "\"").replace("\n", " ")
                + "\n";
        given().header("Authorization", region(BUSAN)).contentType("application/x-ndjson")
                .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/progress-reports")
                .then().statusCode(200)
                .body("results.status", contains("REJECTED", "ACCEPTED"))
                .body("results[0].errors[0].code", equalTo("APPLICATION_NOT_SELECTED"));
        // Another region naming it learns nothing: unknown, not a 500.
        given().header("Authorization", region(DAEGU)).contentType("application/x-ndjson")
                .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/progress-reports")
                .then().statusCode(200)
                .body("results.status", contains("REJECTED", "REJECTED"))
                .body("results[0].errors[0].code", equalTo("NOT_FOUND"));
    }

    @Test
    void oneUploadMayMoveExternalIdsBetweenPeriods() {
        String id = selected(BUSAN);
        java.util.function.BiFunction<String, String, String> line = (period, externalId) -> progressReport(period,
                period.endsWith("07") ? 12 : 15, ", \"applicationId\": \"" + id + "\"").replace("\n", " ")
                .replace("\"externalId\": \"busan-" + period + "\"", "\"externalId\": \"" + externalId + "\"");
        String before = line.apply("2026-07", "A") + "\n" + line.apply("2026-08", "B") + "\n";
        given().header("Authorization", region(BUSAN)).contentType("application/x-ndjson")
                .body(before.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/progress-reports").then().statusCode(200).body("accepted", equalTo(2));
        // Each line is valid against the ones before it; written in order, a unique check per row would fail mid-way.
        String moves = line.apply("2026-07", "C") + "\n" + line.apply("2026-08", "A") + "\n"
                + line.apply("2026-07", "B") + "\n";
        given().header("Authorization", region(BUSAN)).contentType("application/x-ndjson")
                .body(moves.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/progress-reports").then().statusCode(200).body("accepted", equalTo(3));
        given().header("Authorization", region(BUSAN)).get("/api/v1/applications/" + id + "/progress-reports")
                .then().body("period", contains("2026-07", "2026-08")).body("externalId", contains("B", "A"));
    }

    @Test
    void bulkWithAnIdempotencyKeyReplaysTheFirstAnswer() {
        String busan = selected(BUSAN);
        String ndjson = progressReport("2026-07", 12, ", \"applicationId\": \"" + busan + "\"").replace("\n", " ")
                + "\n" + progressReport("2026-08", 15, ", \"applicationId\": \"" + busan + "\"").replace("\n", " ");
        String key = "bulk-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", region(BUSAN)).header("Idempotency-Key", key)
                    .contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/v1/progress-reports")
                    .then().statusCode(200)
                    // The replay is the first answer (ACCEPTED), not a second run (which would say UNCHANGED).
                    .header("Idempotent-Replayed", i == 0 ? org.hamcrest.Matchers.nullValue()
                            : equalTo("true"))
                    .body("accepted", equalTo(2)).body("unchanged", equalTo(0));
        }
        given().header("Authorization", region(BUSAN)).header("Idempotency-Key", key)
                .contentType("application/x-ndjson")
                .body(ndjson.replace("\"smesSupported\": 15", "\"smesSupported\": 16")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/progress-reports")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        given().header("Authorization", region(BUSAN)).get("/api/v1/applications/" + busan + "/progress-reports")
                .then().body("smesSupported", contains(12, 15)).body("revision", contains(1, 1));
    }

    @Test
    void bulkRejectsLinesPastTheLimit() {
        String busan = selected(BUSAN);
        String line = progressReport("2026-07", 12, ", \"applicationId\": \"" + busan + "\"").replace("\n", " ");
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < ProgressReportBulkResource.MAX_LINES + 2; i++) {
            ndjson.append(line).append('\n');
        }
        JsonPath result = given().header("Authorization", region(BUSAN)).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/progress-reports").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(1, result.getInt("accepted"));
        assertEquals(ProgressReportBulkResource.MAX_LINES - 1, result.getInt("unchanged"));
        assertEquals(2, result.getInt("rejected"));
        assertEquals(List.of("TOO_MANY_LINES", "TOO_MANY_LINES"), result.getList(
                "results.findAll { it.status == 'REJECTED' }.collect { it.errors[0].code }"));
    }

    @Test
    void theBulkPathTakesBodiesOverTheTenMegabytesOfEveryOtherPath() {
        // 170 lines of 66 KiB (each over the line limit): 11 MB with a Content-Length, read rather than refused.
        String longLine = "{\"narrative\": \"" + "x".repeat(66 * 1024) + "\"}\n";
        byte[] body = longLine.repeat(170).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonPath result = given().header("Authorization", region(BUSAN)).contentType("application/x-ndjson")
                .body(body).post("/api/v1/progress-reports").then().statusCode(200).extract().jsonPath();
        assertEquals(170, result.getInt("rejected"));
        assertEquals("LINE_TOO_LONG", result.getString("results[0].errors[0].code"));
    }
}
