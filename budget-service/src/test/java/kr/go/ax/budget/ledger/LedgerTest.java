package kr.go.ax.budget.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.go.ax.budget.calls.CallEventsConsumerTest;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class LedgerTest {
    @Inject
    LedgerService ledger;

    public static String submitted(UUID applicationId, UUID callId, String region) {
        // 6 bn central per year: 60% central, 20% local; two of these fit a 14 bn pool, a third does not.
        return """
                {"id": "%s", "callId": "%s", "region": "%s", "title": "t", "status": "SUBMITTED",
                 "leadAgency": "TP", "partners": [],
                 "projects": [{"type": "AI_INFRASTRUCTURE", "title": "p", "budget": [
                   {"fiscalYear": 2026, "centralKrw": 6000000000, "localGovernmentKrw": 2000000000, "selfContributionKrw": 2000000000},
                   {"fiscalYear": 2027, "centralKrw": 6000000000, "localGovernmentKrw": 2000000000, "selfContributionKrw": 2000000000}]}],
                 "contentSha256": "x", "submittedAt": "2026-03-01T00:00:00Z", "submission": 1, "version": 1}"""
                .formatted(applicationId, callId, region);
    }

    @Test
    void concurrentSelectionsNeverOvercommitThePool() throws Exception {
        UUID callId = UUID.randomUUID();
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.closed.v1", CallEventsConsumerTest.snapshot(callId, "AX-LEDGER", 2, 7_000_000_000L));
        String[] regions = {"KR-26", "KR-27", "KR-28", "KR-29", "KR-30", "KR-31", "KR-41", "KR-42"};
        List<UUID> applications = new ArrayList<>();
        for (String region : regions) {
            UUID id = UUID.randomUUID();
            applications.add(id);
            TestKafka.sendCloudEvent("ax.applications", id.toString(), UUID.randomUUID().toString(),
                    "kr.go.ax.application.submitted.v1", submitted(id, callId, region));
        }
        String admin = TestTokens.bearer(TestTokens.admin());
        for (UUID id : applications) {
            Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given()
                    .header("Authorization", admin).get("/api/v1/budget/assessments/" + id)
                    .then().statusCode(200).body("verdict", equalTo("APPROVED")));
        }

        // Eight decisions at once, each in its own transaction, racing for the same pools.
        ExecutorService pool = Executors.newFixedThreadPool(applications.size());
        List<Future<FundAllocation>> outcomes = new ArrayList<>();
        for (UUID id : applications) {
            Callable<FundAllocation> decide = () -> ledger.allocate(id, callId, Instant.now());
            outcomes.add(pool.submit(decide));
        }
        long committed = 0;
        for (Future<FundAllocation> outcome : outcomes) {
            if (FundAllocation.COMMITTED.equals(outcome.get().status)) {
                committed++;
            }
        }
        pool.shutdown();
        assertEquals(2, committed, "exactly two 6 bn allocations fit a 14 bn pool");

        given().header("Authorization", admin).get("/api/v1/budget/ledger/" + callId)
                .then().statusCode(200)
                .body("years", hasSize(2))
                .body("years[0].poolKrw", equalTo(14000000000L))
                .body("years[0].committedKrw", equalTo(12000000000L))
                .body("years[0].availableKrw", equalTo(2000000000))
                .body("allocations.findAll { it.status == 'REFUSED' }.size()", equalTo(6))
                .body("allocations.find { it.status == 'REFUSED' }.reason",
                        org.hamcrest.Matchers.containsString("only 2,000,000,000 KRW"));

        // Deciding again changes nothing.
        FundAllocation again = ledger.allocate(applications.get(0), callId, Instant.now());
        assertTrue(List.of(FundAllocation.COMMITTED, FundAllocation.REFUSED).contains(again.status));
        given().header("Authorization", admin).get("/api/v1/budget/ledger/" + callId)
                .then().body("years[1].committedKrw", equalTo(12000000000L));

        // A committed application withdrawn: its money goes back to the pools.
        UUID winner = null;
        for (int i = 0; i < applications.size(); i++) {
            if (FundAllocation.COMMITTED.equals(outcomes.get(i).get().status)) {
                winner = applications.get(i);
            }
        }
        TestKafka.sendCloudEvent("ax.applications", winner.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.withdrawn.v1", submitted(winner, callId, "KR-26"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin).get("/api/v1/budget/ledger/" + callId)
                .then().body("years[0].committedKrw", equalTo(6000000000L))
                .body("allocations.findAll { it.status == 'RELEASED' }.size()", equalTo(1)));

        // A region sees the pools and only its own allocation.
        given().header("Authorization", TestTokens.bearer(TestTokens.region("KR-26")))
                .get("/api/v1/budget/ledger/" + callId)
                .then().statusCode(200)
                .body("allocations", hasSize(1))
                .body("allocations[0].region", equalTo("KR-26"));
    }

    /** A {@code selection-decided} event body; each outcome is {@code applicationId, decision, award2026, award2027}. */
    public static String selectionDecided(UUID callId, int version, Object[]... outcomes) {
        StringBuilder list = new StringBuilder();
        for (Object[] o : outcomes) {
            list.append(list.length() == 0 ? "" : ", ").append("""
                    {"applicationId": "%s", "region": "KR-43", "decision": "%s", "rank": 1,
                     "awardedCentralByYear": %s}""".formatted(o[0], o[1], "SELECTED".equals(o[1])
                    ? "{\"2026\": %d, \"2027\": %d}".formatted(o[2], o[3]) : "{}"));
        }
        return """
                {"callId": "%s", "version": %d, "reason": "INITIAL", "decidedAt": "2026-04-01T00:00:00Z",
                 "outcomes": [%s]}""".formatted(callId, version, list);
    }

    public static void sendSelectionDecided(UUID callId, int version, Object[]... outcomes) {
        TestKafka.sendCloudEvent("ax.evaluation", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.evaluation.selection-decided.v1", selectionDecided(callId, version, outcomes));
    }

    @Test
    void eachDecisionVersionIsAppliedWholeReleasingBeforeCommitting() {
        UUID callId = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.closed.v1", CallEventsConsumerTest.snapshot(callId, "AX-LEDGER-2", 2, 7_000_000_000L));
        for (UUID id : List.of(a, b, c)) {
            TestKafka.sendCloudEvent("ax.applications", id.toString(), UUID.randomUUID().toString(),
                    "kr.go.ax.application.submitted.v1", submitted(id, callId, "KR-43"));
        }
        String admin = TestTokens.bearer(TestTokens.admin());
        // Version 1: A's award is cut below its 6 bn request in 2027; the pool (14 bn) commits the awards.
        sendSelectionDecided(callId, 1, new Object[] {a, "SELECTED", 6_000_000_000L, 4_500_000_000L},
                new Object[] {b, "SELECTED", 6_000_000_000L, 6_000_000_000L}, new Object[] {c, "RESERVE"});
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given()
                .header("Authorization", admin).get("/api/v1/budget/ledger/" + callId)
                .then().statusCode(200)
                .body("years[0].committedKrw", equalTo(12000000000L))
                .body("years[1].committedKrw", equalTo(10500000000L))
                .body("allocations", hasSize(2)));
        // Version 2: A is out and C, the reserve, is in. C fits only once A's money is back (14 - 12 = 2 bn free
        // before): the version is applied whole, releases first.
        sendSelectionDecided(callId, 2, new Object[] {a, "WITHDRAWN"},
                new Object[] {b, "SELECTED", 6_000_000_000L, 6_000_000_000L},
                new Object[] {c, "SELECTED", 6_000_000_000L, 6_000_000_000L});
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given()
                .header("Authorization", admin).get("/api/v1/budget/ledger/" + callId)
                .then().statusCode(200)
                .body("years[0].committedKrw", equalTo(12000000000L))
                .body("years[1].committedKrw", equalTo(12000000000L))
                .body("allocations.find { it.applicationId == '" + a + "' }.status", equalTo("RELEASED"))
                .body("allocations.find { it.applicationId == '" + c + "' }.status", equalTo("COMMITTED")));
        var released = TestKafka.await("ax.budget", r -> a.toString().equals(r.key())
                && "kr.go.ax.budget.allocation-released.v1".equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertEquals(1, released.size());
        // B's unchanged award is not touched: committed once, never released.
        var bEvents = TestKafka.readAll("ax.budget", r -> b.toString().equals(r.key())
                && TestKafka.header(r, "ce_type").contains(".allocation-"), 2, Duration.ofSeconds(3));
        assertEquals(List.of("kr.go.ax.budget.allocation-committed.v1"),
                bEvents.stream().map(r -> TestKafka.header(r, "ce_type")).toList());
    }
}
