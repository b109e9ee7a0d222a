package kr.go.ax.evaluation.decisions;

import static io.restassured.RestAssured.given;
import static kr.go.ax.evaluation.EvaluationFixture.admin;
import static kr.go.ax.evaluation.EvaluationFixture.region;
import static kr.go.ax.evaluation.EvaluationFixture.score;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.web.CanonicalJson;
import kr.go.ax.evaluation.EvaluationFixture;
import kr.go.ax.evaluation.ranking.Ranking;
import kr.go.ax.evaluation.ranking.RankingInputs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A whole evaluation with hand-computed results. Four regions apply to a call with 2 slots, 1 reserve slot and a
 * central pool of 15 bn KRW a year; five evaluators score every application identically except where noted.
 * <pre>
 *            DOCUMENT (25 25 20 15 15)   PRESENTATION (30 30 20 20)   total = 0.4 D + 0.6 P
 *   A KR-26  22 22 18 13 13 = 88         27 27 18 18 = 90             35.2 + 54 = 89.20
 *   B KR-27  20 20 16 12 12 = 80         24 24 16 16 = 80             80.00
 *   C KR-29  18 18 15 11 11 = 73         22 22 15 15 = 74             29.2 + 44.4 = 73.60
 *   D KR-30  15 15 12  9  9 = 60         evaluators 1, 2: 12 12 8 8; 3–5: 24 24 16 16
 *            trimmed: EXPERTISE, FEASIBILITY (12 24 24)/3 = 20; the 20-point ones (8 16 16)/3 = 13.33…
 *            P = 200/3 = 66.67, total = 24 + 40 = 64.00 → fails (under 70)
 * </pre>
 * A and B ask for 8 bn a year, C for 6 bn, D for 5 bn: A 8 + B 8 = 16 > 15, so B, ranked lower, gets 7 bn.
 */
@QuarkusTest
class SelectionFlowTest {
    static final long BN = 1_000_000_000L;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void rankDecidePromoteAppealAndDecideAgain() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        UUID callId = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        List<String> panel = EvaluationFixture.panel(callId, run, 5);
        EvaluationFixture.closedCall(callId, 2, 1, 15 * BN);
        EvaluationFixture.eligibleApplication(a, callId, "KR-26", "2026-03-01T00:00:00Z", 8 * BN);
        EvaluationFixture.eligibleApplication(b, callId, "KR-27", "2026-03-02T00:00:00Z", 8 * BN);
        EvaluationFixture.eligibleApplication(c, callId, "KR-29", "2026-03-03T00:00:00Z", 6 * BN);
        EvaluationFixture.eligibleApplication(d, callId, "KR-30", "2026-03-04T00:00:00Z", 5 * BN);
        EvaluationFixture.start(callId, 4);

        for (String evaluator : panel) {
            for (UUID application : List.of(a, b, c, d)) {
                EvaluationFixture.declareNoConflict(evaluator, application);
            }
            score(evaluator, a, "DOCUMENT", null, 22, 22, 18, 13, 13).statusCode(200);
            score(evaluator, a, "PRESENTATION", null, 27, 27, 18, 18).statusCode(200);
            score(evaluator, b, "DOCUMENT", null, 20, 20, 16, 12, 12).statusCode(200);
            score(evaluator, b, "PRESENTATION", null, 24, 24, 16, 16).statusCode(200);
            score(evaluator, c, "DOCUMENT", null, 18, 18, 15, 11, 11).statusCode(200);
            score(evaluator, c, "PRESENTATION", "Solid plan", 22, 22, 15, 15).statusCode(200);
            score(evaluator, d, "DOCUMENT", null, 15, 15, 12, 9, 9).statusCode(200);
            if (evaluator.equals(panel.get(2))) {
                // Too few presentation scores of D yet: no decision.
                given().header("Authorization", admin()).post("/api/v1/evaluation/calls/" + callId + "/decision")
                        .then().statusCode(409).body("code", equalTo("SCORING_INCOMPLETE"))
                        .body("violations[0].field", containsString(d.toString()));
            }
            boolean misread = evaluator.equals(panel.get(0)) || evaluator.equals(panel.get(1));
            score(evaluator, d, "PRESENTATION", misread ? "The demand analysis is missing" : null,
                    misread ? new int[] {12, 12, 8, 8} : new int[] {24, 24, 16, 16}).statusCode(200);
        }

        JsonPath ranking = given().header("Authorization", admin())
                .get("/api/v1/evaluation/calls/" + callId + "/ranking").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(a.toString(), b.toString(), c.toString(), d.toString()),
                ranking.getList("entries.applicationId"));
        assertEquals(List.of(1, 2, 3, 4), ranking.getList("entries.rank"));
        assertEquals(List.of(89.2f, 80.0f, 73.6f, 64.0f), ranking.getList("entries.total"));
        assertEquals(List.of(true, true, true, false), ranking.getList("entries.passed"));
        assertEquals(List.of("TOTAL_BELOW_PASS_MARK: 64.00 < 70"), ranking.getList("entries[3].failReasons"));
        assertEquals(66.67f, ranking.getFloat("entries[3].stages[1].score"));
        assertEquals(20.0f, ranking.getFloat("entries[3].stages[1].criteria[0].mean"));
        assertEquals(3, ranking.getInt("entries[3].stages[1].criteria[0].scoresCounted"));
        assertEquals(5, ranking.getInt("entries[3].evaluatorCounts.PRESENTATION"));

        // Decide: repeated and concurrent requests all get version 1, made once.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<io.restassured.response.Response>> concurrent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            concurrent.add(pool.submit(() -> given().header("Authorization", admin())
                    .post("/api/v1/evaluation/calls/" + callId + "/decision")));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<io.restassured.response.Response> response : concurrent) {
            statuses.add(response.get().statusCode());
            assertEquals(1, response.get().jsonPath().getInt("version"));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        JsonPath v1 = given().header("Authorization", admin()).post("/api/v1/evaluation/calls/" + callId
                + "/decision").then().statusCode(200).body("version", equalTo(1)).extract().jsonPath();
        given().header("Authorization", admin()).get("/api/v1/evaluation/calls/" + callId + "/decisions")
                .then().body("", hasSize(1)).body("[0].reason", equalTo("INITIAL"));

        Map<String, Map<String, Object>> outcomes = outcomes(v1);
        assertEquals("SELECTED", outcomes.get(a.toString()).get("decision"));
        assertEquals(Map.of("2026", 8 * BN, "2027", 8 * BN), longs(outcomes.get(a.toString())));
        assertEquals("SELECTED", outcomes.get(b.toString()).get("decision"));
        assertEquals(Map.of("2026", 7 * BN, "2027", 7 * BN), longs(outcomes.get(b.toString())));
        assertEquals(true, outcomes.get(b.toString()).get("reduced"));
        assertEquals("RESERVE", outcomes.get(c.toString()).get("decision"));
        assertEquals("NOT_SELECTED", outcomes.get(d.toString()).get("decision"));

        // Anyone holding the recorded inputs can verify them and recompute the ranking.
        JsonNode stored = decisionJson(callId, 1);
        RankingInputs inputs = objectMapper.treeToValue(stored.get("inputs"), RankingInputs.class);
        assertEquals(stored.get("inputsSha256").asText(), CanonicalJson.sha256("ax-selection-inputs:", inputs));
        assertEquals(4 * 5 * 2, inputs.applications().stream().mapToInt(x -> x.sheets().size()).sum(),
                "every counted sheet is among the inputs");
        List<Ranking.Entry> recomputed = Ranking.rank(inputs);
        assertEquals(List.of(a, b, c, d), recomputed.stream().map(e -> e.result().applicationId()).toList());
        assertEquals(outcomes(v1).values().stream().map(o -> o.get("decision")).collect(Collectors.toList()),
                SelectionRules.select(inputs, recomputed).stream().map(SelectionRules.Outcome::decision)
                        .collect(Collectors.toList()));
        // Stored decisions cannot be changed, not even directly in the database.
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE selection_decision SET reason = 'X' WHERE call_id = ?1")
                .setParameter(1, callId).executeUpdate()));

        // Events: the whole decision keyed by the call, one per application for the statuses.
        List<ConsumerRecord<String, String>> perApplication = TestKafka.readAll("ax.evaluation",
                r -> "kr.go.ax.evaluation.decided.v1".equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains(callId.toString()), 4, Duration.ofSeconds(20));
        assertEquals(Set.of(a.toString(), b.toString(), c.toString(), d.toString()),
                perApplication.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        JsonNode bDecided = objectMapper.readTree(perApplication.stream().filter(r -> r.key().equals(b.toString()))
                .findFirst().orElseThrow().value());
        assertEquals(7 * BN, bDecided.at("/awardedCentralByYear/2026").asLong());
        assertEquals(1, bDecided.get("decisionVersion").asInt());
        TestKafka.await("ax.evaluation", r -> callId.toString().equals(r.key())
                && "kr.go.ax.evaluation.selection-decided.v1".equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));

        // Scores are closed now; a region sees its own result, anonymised, and nothing of others.
        score(panel.get(0), b, "DOCUMENT", null, 25, 25, 20, 15, 15).statusCode(409)
                .body("code", equalTo("SCORING_CLOSED"));
        given().header("Authorization", region("KR-30")).get("/api/v1/evaluation/applications/" + d + "/result")
                .then().statusCode(200)
                .body("decision", equalTo("NOT_SELECTED"))
                .body("rank", equalTo(4))
                .body("total", equalTo(64.0f))
                .body("failReasons[0]", equalTo("TOTAL_BELOW_PASS_MARK: 64.00 < 70"))
                .body("stages[1].score", equalTo(66.67f))
                .body("comments", hasSize(2))
                .body("comments.text", equalTo(List.of("The demand analysis is missing",
                        "The demand analysis is missing")))
                .body("comments.evaluator[0]", containsString("Evaluator "))
                .body(not(containsString(panel.get(0))))
                .body(not(containsString("Expert")))
                .body("appealWindowClosesAt", not(equalTo(null)));
        given().header("Authorization", region("KR-26")).get("/api/v1/evaluation/applications/" + d + "/result")
                .then().statusCode(404);
        given().header("Authorization", EvaluationFixture.evaluator(panel.get(0)))
                .get("/api/v1/evaluation/applications/" + d + "/result").then().statusCode(403);

        // A, selected, renounces: C, the reserve, is promoted in version 2 and gets its full 6 bn (15 - 7 free).
        TestKafka.sendCloudEvent("ax.applications", a.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.withdrawn.v1", EvaluationFixture.snapshot(a, callId, "KR-26",
                        "2026-03-01T00:00:00Z", 8 * BN, "WITHDRAWN", 9));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin()).get("/api/v1/evaluation/calls/" + callId + "/decisions")
                .then().body("", hasSize(2)).body("[1].reason", equalTo("RESERVE_PROMOTION")));
        JsonPath v2 = given().header("Authorization", admin()).get("/api/v1/evaluation/calls/" + callId
                + "/decisions/2").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> promoted = outcomes(v2);
        assertEquals("WITHDRAWN", promoted.get(a.toString()).get("decision"));
        assertEquals("SELECTED", promoted.get(c.toString()).get("decision"));
        assertEquals(Map.of("2026", 6 * BN, "2027", 6 * BN), longs(promoted.get(c.toString())));
        assertEquals(Map.of("2026", 7 * BN, "2027", 7 * BN), longs(promoted.get(b.toString())));
        assertEquals(Set.of(a.toString(), c.toString()), Set.copyOf(v2.getList("output.changes.applicationId")));
        ConsumerRecord<String, String> cPromoted = TestKafka.await("ax.evaluation", r -> c.toString().equals(r.key())
                && "kr.go.ax.evaluation.decided.v1".equals(TestKafka.header(r, "ce_type"))
                && r.value().replace(" ", "").contains("\"decisionVersion\":2"), Duration.ofSeconds(20)).get(0);
        assertEquals("SELECTED", objectMapper.readTree(cPromoted.value()).get("decision").asText());
        // Same scores: asking for a decision again returns the promotion version, it does not re-rank.
        given().header("Authorization", admin()).post("/api/v1/evaluation/calls/" + callId + "/decision")
                .then().statusCode(200).body("version", equalTo(2));

        // D appeals; a second appeal while it is under review is refused; another region cannot.
        String appealId = given().header("Authorization", region("KR-30")).contentType(ContentType.JSON)
                .body("{\"ground\": \"MISREADING\", \"statement\": \"The demand analysis is in annex 3.\"}")
                .post("/api/v1/evaluation/applications/" + d + "/appeals")
                .then().statusCode(201).body("status", equalTo("FILED")).extract().path("id");
        given().header("Authorization", region("KR-30")).contentType(ContentType.JSON)
                .body("{\"ground\": \"EVALUATOR_ERROR\", \"statement\": \"again\"}")
                .post("/api/v1/evaluation/applications/" + d + "/appeals")
                .then().statusCode(409).body("code", equalTo("APPEAL_PENDING"));
        given().header("Authorization", region("KR-27")).contentType(ContentType.JSON)
                .body("{\"ground\": \"EVALUATOR_ERROR\", \"statement\": \"x\"}")
                .post("/api/v1/evaluation/applications/" + d + "/appeals").then().statusCode(404);
        given().header("Authorization", region("KR-30")).contentType(ContentType.JSON)
                .body("{\"ground\": \"BAD_LUCK\", \"statement\": \"x\"}")
                .post("/api/v1/evaluation/applications/" + d + "/appeals").then().statusCode(400);

        // Upheld: the two misreading presentation sheets are voided and D's scoring reopens (only D's).
        List<String> misreadSheets = given().header("Authorization", admin())
                .get("/api/v1/evaluation/applications/" + d + "/scores").then().extract().jsonPath()
                .getList("findAll { it.stage == 'PRESENTATION' && it.scores.EXPERTISE == 12 }.id");
        assertEquals(2, misreadSheets.size());
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHELD", "resolution", "twice", "voidScoreSheetIds",
                        List.of(misreadSheets.get(0), misreadSheets.get(0))))
                .post("/api/v1/evaluation/appeals/" + appealId + "/resolution")
                .then().statusCode(422).body("violations[0].rule", equalTo("distinct"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHELD", "resolution", "Annex 3 was overlooked.",
                        "voidScoreSheetIds", misreadSheets))
                .post("/api/v1/evaluation/appeals/" + appealId + "/resolution")
                .then().statusCode(200).body("status", equalTo("UPHELD")).body("voidedSheets", hasSize(2));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "DISMISSED", "resolution", "again"))
                .post("/api/v1/evaluation/appeals/" + appealId + "/resolution")
                .then().statusCode(409);
        score(panel.get(3), b, "DOCUMENT", null, 25, 25, 20, 15, 15).statusCode(409);
        score(panel.get(0), d, "PRESENTATION", "Re-scored with annex 3", 24, 24, 16, 16).statusCode(200)
                .body("revision", equalTo(1));
        score(panel.get(1), d, "PRESENTATION", "Re-scored with annex 3", 24, 24, 16, 16).statusCode(200);
        given().header("Authorization", admin()).get("/api/v1/evaluation/applications/" + d + "/scores/audit")
                .then().body("action.findAll { it == 'VOIDED' }", hasSize(2));

        // Version 3: D now passes (0.4 × 60 + 0.6 × 80 = 72) and takes the reserve slot; B, first now, gets its full
        // 8 bn as 8 + 6 fits the pool. The differences from version 2 are listed.
        JsonPath v3 = given().header("Authorization", admin()).post("/api/v1/evaluation/calls/" + callId
                + "/decision").then().statusCode(201).body("version", equalTo(3)).body("reason",
                        equalTo("REDECISION")).extract().jsonPath();
        Map<String, Map<String, Object>> redecided = outcomes(v3);
        assertEquals("RESERVE", redecided.get(d.toString()).get("decision"));
        assertEquals(3, redecided.get(d.toString()).get("rank"));
        assertEquals(Map.of("2026", 8 * BN, "2027", 8 * BN), longs(redecided.get(b.toString())));
        assertEquals(Set.of(b.toString(), c.toString(), d.toString()),
                Set.copyOf(v3.getList("output.changes.applicationId")));
        assertEquals("NOT_SELECTED", v3.getString("output.changes.find { it.applicationId == '" + d
                + "' }.fromDecision"));
        // Scoring is closed again; the same request returns version 3.
        score(panel.get(0), d, "PRESENTATION", "again", 25, 25, 16, 16).statusCode(409);
        given().header("Authorization", admin()).post("/api/v1/evaluation/calls/" + callId + "/decision")
                .then().statusCode(200).body("version", equalTo(3));
        given().header("Authorization", region("KR-30")).get("/api/v1/evaluation/applications/" + d + "/result")
                .then().statusCode(200).body("decision", equalTo("RESERVE")).body("decisionVersion", equalTo(3))
                .body("appeals[0].status", equalTo("UPHELD"))
                .body("comments.text", equalTo(List.of("Re-scored with annex 3", "Re-scored with annex 3")));
    }

    @Test
    void anAppealAfterTheWindowIsRefused() {
        // The window is measured from when the outcome was decided; a decision from 8 days ago is past 7 days.
        UUID callId = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        EvaluationFixture.closedCall(callId, 1, 0, 15 * BN);
        EvaluationFixture.eligibleApplication(applicationId, callId, "KR-31", "2026-03-01T00:00:00Z", BN);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("SELECT count(*) FROM evaluated_application WHERE application_id = ?1")
                        .setParameter(1, applicationId).getSingleResult()).toString().equals("1"));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO selection_decision (call_id, version, reason, rule_set_version, inputs_sha256, inputs,
                    output, decided_by, decided_at)
                VALUES (?1, 1, 'INITIAL', 'test', 'x', '{}',
                    jsonb_build_object('ranking', '[]'::jsonb, 'outcomes', jsonb_build_array(jsonb_build_object(
                        'applicationId', ?2, 'region', 'KR-31', 'decision', 'NOT_SELECTED', 'rank', 1,
                        'requestedCentralByYear', '{}'::jsonb, 'awardedCentralByYear', '{}'::jsonb,
                        'reduced', false))),
                    'admin', now() - interval '8 days')""")
                .setParameter(1, callId).setParameter(2, applicationId.toString()).executeUpdate());
        given().header("Authorization", region("KR-31")).contentType(ContentType.JSON)
                .body("{\"ground\": \"ADMINISTRATIVE_ERROR\", \"statement\": \"late\"}")
                .post("/api/v1/evaluation/applications/" + applicationId + "/appeals")
                .then().statusCode(422).body("code", equalTo("APPEAL_WINDOW_CLOSED"));
    }

    private JsonNode decisionJson(UUID callId, int version) throws Exception {
        return objectMapper.readTree(given().header("Authorization", admin())
                .get("/api/v1/evaluation/calls/" + callId + "/decisions/" + version).then().statusCode(200)
                .extract().asString());
    }

    private static Map<String, Map<String, Object>> outcomes(JsonPath decision) {
        List<Map<String, Object>> list = decision.getList("output.outcomes");
        return list.stream().collect(Collectors.toMap(o -> (String) o.get("applicationId"), o -> o,
                (x, y) -> x, java.util.LinkedHashMap::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> longs(Map<String, Object> outcome) {
        Map<String, Object> awarded = (Map<String, Object>) outcome.get("awardedCentralByYear");
        return awarded.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> ((Number) e.getValue()).longValue()));
    }
}
