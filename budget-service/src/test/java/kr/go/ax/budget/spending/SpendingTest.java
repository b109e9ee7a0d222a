package kr.go.ax.budget.spending;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.go.ax.budget.calls.CallEventsConsumerTest;
import kr.go.ax.budget.ledger.LedgerTest;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Spending of a selected application (6 bn central, 2 bn local, 2 bn self approved per year). */
@QuarkusTest
class SpendingTest {
    static final String NDJSON = "application/x-ndjson";

    static String selectedApplication(String region) {
        UUID callId = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.closed.v1", CallEventsConsumerTest.snapshot(callId, "AX-SPEND", 2, 7_000_000_000L));
        TestKafka.sendCloudEvent("ax.applications", id.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.submitted.v1", LedgerTest.submitted(id, callId, region));
        LedgerTest.sendSelectionDecided(callId, 1, new Object[] {id, "SELECTED", 6_000_000_000L, 6_000_000_000L});
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given()
                .header("Authorization", region(region)).get("/api/v1/budget/applications/" + id + "/execution")
                .then().statusCode(200).body("allocationStatus", equalTo("COMMITTED")));
        return id.toString();
    }

    static String region(String code) {
        return TestTokens.bearer(TestTokens.region(code));
    }

    static String expenditure(String externalId, String source, long amount) {
        return """
                {"externalId": "%s", "fiscalYear": 2026, "spentOn": "2026-05-02", "source": "%s",
                 "amountKrw": %d, "category": "CLOUD_COMPUTE",
                 "evidence": {"type": "E_TAX_INVOICE", "reference": "20260502-4100-0001"}}"""
                .formatted(externalId, source, amount).replace("\n", " ");
    }

    @Test
    void singleExpenditureAcceptedThenDuplicateThenOverspendRefused() {
        String id = selectedApplication("KR-26");
        String path = "/api/v1/budget/applications/" + id + "/expenditures";
        given().header("Authorization", region("KR-26")).contentType(ContentType.JSON)
                .body(expenditure("inv-1", "CENTRAL", 5_000_000_000L)).post(path)
                .then().statusCode(201).body("status", equalTo("ACCEPTED"));
        given().header("Authorization", region("KR-26")).contentType(ContentType.JSON)
                .body(expenditure("inv-1", "CENTRAL", 5_000_000_000L)).post(path)
                .then().statusCode(200).body("status", equalTo("DUPLICATE"));
        given().header("Authorization", region("KR-26")).contentType(ContentType.JSON)
                .body(expenditure("inv-2", "CENTRAL", 1_000_000_001L)).post(path)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("SPENDING_EXCEEDS_APPROVED"))
                .body("violations[0].field", equalTo("amountKrw"));
        given().header("Authorization", region("KR-26")).contentType(ContentType.JSON)
                .body(expenditure("inv-3", "CENTRAL", 1_000_000_000L)).post(path)
                .then().statusCode(201);

        given().header("Authorization", region("KR-26")).get("/api/v1/budget/applications/" + id + "/execution")
                .then().statusCode(200)
                .body("years[0].fiscalYear", equalTo(2026))
                .body("years[0].sources[0].source", equalTo("CENTRAL"))
                .body("years[0].sources[0].spentKrw", equalTo(6000000000L))
                .body("years[0].sources[0].executionRateBp", equalTo(10000))
                .body("spentKrw", equalTo(6000000000L))
                .body("executionRateBp", equalTo(3000))
                .body("flags", contains("LOCAL_SHARE_DRIFT"));

        // Another region cannot read or write it.
        given().header("Authorization", region("KR-27")).get("/api/v1/budget/applications/" + id + "/execution")
                .then().statusCode(404);
        given().header("Authorization", region("KR-27")).contentType(ContentType.JSON)
                .body(expenditure("inv-9", "CENTRAL", 1)).post(path).then().statusCode(404);
        var drift = TestKafka.await("ax.budget", r -> id.equals(r.key())
                && "kr.go.ax.budget.local-share-drift.v1".equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertEquals(1, drift.size(), "one drift event when the share first falls below the minimum");
    }

    @Test
    void bulkLinesAreAnsweredOneByOne() {
        String id = selectedApplication("KR-28");
        String body = String.join("\n",
                expenditure("b-1", "LOCAL_GOVERNMENT", 100_000_000L),
                expenditure("b-2", "SELF_CONTRIBUTION", 50_000_000L),
                "{\"externalId\": \"b-3\", \"fiscalYear\": ",
                expenditure("b-1", "LOCAL_GOVERNMENT", 100_000_000L),
                expenditure("b-4", "BITCOIN", 1L),
                "",
                expenditure("b-5", "LOCAL_GOVERNMENT", 2_000_000_000L),
                expenditure("b-6", "CENTRAL", -5L),
                expenditure("b-7", "CENTRAL", 10L).replace("2026", "2031"),
                expenditure("b-8", "CENTRAL", 10L)) + "\n";
        given().header("Authorization", region("KR-28")).contentType(NDJSON)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/budget/applications/" + id + "/expenditures")
                .then().statusCode(200)
                .body("accepted", equalTo(3))
                .body("duplicate", equalTo(1))
                .body("rejected", equalTo(5))
                .body("results.line", contains(1, 2, 3, 4, 5, 7, 8, 9, 10))
                .body("results.status", contains("ACCEPTED", "ACCEPTED", "REJECTED", "DUPLICATE", "REJECTED",
                        "REJECTED", "REJECTED", "REJECTED", "ACCEPTED"))
                .body("results[2].errors[0].code", equalTo("MALFORMED_JSON"))
                .body("results[4].errors[0].field", equalTo("source"))
                .body("results[5].errors[0].code", equalTo("SPENDING_EXCEEDS_APPROVED"))
                .body("results[6].errors[0].field", equalTo("amountKrw"))
                .body("results[7].errors[0].code", equalTo("FISCAL_YEAR_NOT_APPROVED"));
        given().header("Authorization", region("KR-28")).get("/api/v1/budget/applications/" + id + "/execution")
                .then().body("spentKrw", equalTo(150000010));
    }

    @Test
    void concurrentPostsCannotOverspend() throws Exception {
        String id = selectedApplication("KR-29");
        String path = "/api/v1/budget/applications/" + id + "/expenditures";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String externalId = "race-" + i;
            statuses.add(pool.submit(() -> given().header("Authorization", region("KR-29"))
                    .contentType(ContentType.JSON).body(expenditure(externalId, "LOCAL_GOVERNMENT", 700_000_000L))
                    .post(path).statusCode()));
        }
        int accepted = 0;
        for (Future<Integer> status : statuses) {
            if (status.get() == 201) {
                accepted++;
            }
        }
        pool.shutdown();
        assertEquals(2, accepted, "2 bn approved: only two 0.7 bn lines fit");
        given().header("Authorization", region("KR-29")).get("/api/v1/budget/applications/" + id + "/execution")
                .then().body("years[0].sources[1].spentKrw", equalTo(1400000000));
    }
}
