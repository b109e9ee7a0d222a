package kr.go.ax.evaluation.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.evaluation.rubrics.RubricContent;
import kr.go.ax.evaluation.rubrics.RubricContent.Criterion;
import kr.go.ax.evaluation.rubrics.Stage;
import org.junit.jupiter.api.Test;

/** Expected values computed by hand; see each test's comment. */
class AggregationTest {
    /** DOCUMENT: A 50, B 50. PRESENTATION: FEASIBILITY 60, C 40. Pass: total ≥ 70, each criterion ≥ 40%. */
    static final RubricContent RUBRIC = new RubricContent(List.of(
            new Criterion("A", "a", Stage.DOCUMENT, 50), new Criterion("B", "b", Stage.DOCUMENT, 50),
            new Criterion("FEASIBILITY", "f", Stage.PRESENTATION, 60), new Criterion("C", "c", Stage.PRESENTATION, 40)),
            70, 40);
    static final Aggregation.Settings TRIMMING = new Aggregation.Settings(RUBRIC, 40, 60, 5);
    static final Aggregation.Settings NO_TRIMMING = new Aggregation.Settings(RUBRIC, 40, 60, 100);

    /** Sheets from columns: {@code scores.get(code)[i]} is evaluator i's score for the criterion. */
    static List<Aggregation.Sheet> sheets(Stage stage, Map<String, int[]> scores) {
        int evaluators = scores.values().iterator().next().length;
        List<Aggregation.Sheet> sheets = new ArrayList<>();
        for (int i = 0; i < evaluators; i++) {
            Map<String, Integer> sheet = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> criterion : scores.entrySet()) {
                sheet.put(criterion.getKey(), criterion.getValue()[i]);
            }
            sheets.add(new Aggregation.Sheet(UUID.randomUUID(), UUID.randomUUID(), stage, sheet));
        }
        return sheets;
    }

    static Aggregation.Candidate candidate(String submittedAt, Map<String, int[]> document,
            Map<String, int[]> presentation) {
        List<Aggregation.Sheet> all = new ArrayList<>(sheets(Stage.DOCUMENT, document));
        all.addAll(sheets(Stage.PRESENTATION, presentation));
        return new Aggregation.Candidate(UUID.randomUUID(), "KR-26", "t", Instant.parse(submittedAt), all);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void trimsTheHighestAndLowestScoreFromFiveOn() {
        // A: 20 30 40 45 50 → drop 20 and 50 → (30+40+45)/3 = 38.333…; B: all 40 → 40. Document = 78.333…
        // FEASIBILITY: 40 45 50 55 60 → 50; C: 20 30 30 35 40 → (30+30+35)/3 = 31.666…. Presentation = 81.666…
        // Total = 0.4 × 78.333… + 0.6 × 81.666… = 31.333… + 49 = 80.333… → 80.33
        Aggregation.Result result = Aggregation.score(candidate("2026-03-01T00:00:00Z",
                Map.of("A", new int[] {30, 40, 45, 50, 20}, "B", new int[] {40, 40, 40, 40, 40}),
                Map.of("FEASIBILITY", new int[] {50, 55, 60, 45, 40}, "C", new int[] {30, 30, 35, 20, 40})),
                TRIMMING);
        assertEquals(d("80.33"), result.total());
        assertEquals(d("78.33"), result.stages().get(0).score());
        assertEquals(d("81.67"), result.stages().get(1).score());
        assertEquals(d("38.33"), criterion(result, Stage.DOCUMENT, "A").mean());
        assertEquals(3, criterion(result, Stage.DOCUMENT, "A").scoresCounted());
        assertEquals(5, criterion(result, Stage.DOCUMENT, "A").scoresGiven());
        assertTrue(result.stages().get(0).trimmed());
        assertTrue(result.passed(), result.failReasons().toString());
    }

    @Test
    void belowTheThresholdEveryScoreCountsAndTheOneRoundingIsHalfEven() {
        // 8 evaluators, trimming off. A sums to 249, B to 252: document = 501/8 = 62.625 → 62.62 (half-even).
        // FEASIBILITY sums to 360, C to 241: presentation = 601/8 = 75.125 → 75.12.
        // Total = 0.4 × 62.625 + 0.6 × 75.125 = 25.05 + 45.075 = 70.125 → 70.12 (half-up would say 70.13).
        Aggregation.Result result = Aggregation.score(candidate("2026-03-01T00:00:00Z",
                Map.of("A", new int[] {31, 31, 31, 31, 31, 31, 31, 32}, "B", new int[] {31, 31, 31, 31, 32, 32, 32, 32}),
                Map.of("FEASIBILITY", new int[] {45, 45, 45, 45, 45, 45, 45, 45},
                        "C", new int[] {30, 30, 30, 30, 30, 30, 30, 31})),
                NO_TRIMMING);
        assertEquals(d("70.12"), result.total());
        assertEquals(d("62.62"), result.stages().get(0).score());
        assertEquals(d("75.12"), result.stages().get(1).score());
        assertFalse(result.stages().get(0).trimmed());
        assertEquals(8, criterion(result, Stage.DOCUMENT, "A").scoresCounted());
        assertTrue(result.passed(), "70.125 ≥ 70 passes: the exact total is compared, not a rounded one");
    }

    @Test
    void failsOnACriterionUnderItsPassMarkEvenWithAGoodTotal() {
        // C: 10 15 15 15 20 → (15+15+15)/3 = 15 < 40% of 40 = 16. Document 90, FEASIBILITY 60: total is high.
        Aggregation.Result result = Aggregation.score(candidate("2026-03-01T00:00:00Z",
                Map.of("A", new int[] {45, 45, 45, 45, 45}, "B", new int[] {45, 45, 45, 45, 45}),
                Map.of("FEASIBILITY", new int[] {60, 60, 60, 60, 60}, "C", new int[] {10, 15, 15, 15, 20})),
                TRIMMING);
        // total = 0.4 × 90 + 0.6 × 75 = 81
        assertEquals(d("81.00"), result.total());
        assertFalse(result.passed());
        assertEquals(List.of("CRITERION_BELOW_PASS_MARK: PRESENTATION.C 15.00 < 40% of 40"), result.failReasons());
        assertFalse(criterion(result, Stage.PRESENTATION, "C").passed());
    }

    @Test
    void failsBelowThePassTotalAndWhenAStageIsNotScored() {
        // Document 60, presentation 60 → total 60 < 70.
        Aggregation.Result low = Aggregation.score(candidate("2026-03-01T00:00:00Z",
                Map.of("A", new int[] {30, 30, 30}, "B", new int[] {30, 30, 30}),
                Map.of("FEASIBILITY", new int[] {36, 36, 36}, "C", new int[] {24, 24, 24})), TRIMMING);
        assertEquals(d("60.00"), low.total());
        assertEquals(List.of("TOTAL_BELOW_PASS_MARK: 60.00 < 70"), low.failReasons());

        Aggregation.Result unscored = Aggregation.score(new Aggregation.Candidate(UUID.randomUUID(), "KR-26", "t",
                Instant.EPOCH, sheets(Stage.DOCUMENT, Map.of("A", new int[] {50}, "B", new int[] {50}))), TRIMMING);
        assertFalse(unscored.passed());
        assertTrue(unscored.failReasons().contains("STAGE_NOT_SCORED: PRESENTATION"), unscored.failReasons()
                .toString());
    }

    @Test
    void equalTotalsAreBrokenByPresentationThenFeasibilityThenEarlierSubmission() {
        // total 74 each way: 0.4 × 80 + 0.6 × 70 = 74 and 0.4 × 65 + 0.6 × 80 = 74.
        Aggregation.Result strongDocument = Aggregation.score(candidate("2026-03-01T00:00:00Z",
                Map.of("A", new int[] {40, 40, 40}, "B", new int[] {40, 40, 40}),
                Map.of("FEASIBILITY", new int[] {42, 42, 42}, "C", new int[] {28, 28, 28})), TRIMMING);
        Aggregation.Result strongPresentation = Aggregation.score(candidate("2026-03-02T00:00:00Z",
                Map.of("A", new int[] {35, 35, 35}, "B", new int[] {30, 30, 30}),
                Map.of("FEASIBILITY", new int[] {45, 45, 45}, "C", new int[] {35, 35, 35})), TRIMMING);
        // Same stages as strongPresentation but more of the presentation on FEASIBILITY.
        Aggregation.Result feasible = Aggregation.score(candidate("2026-03-03T00:00:00Z",
                Map.of("A", new int[] {35, 35, 35}, "B", new int[] {30, 30, 30}),
                Map.of("FEASIBILITY", new int[] {50, 50, 50}, "C", new int[] {30, 30, 30})), TRIMMING);
        // Identical to feasible, submitted earlier.
        Aggregation.Result earlier = Aggregation.score(candidate("2026-02-28T00:00:00Z",
                Map.of("A", new int[] {35, 35, 35}, "B", new int[] {30, 30, 30}),
                Map.of("FEASIBILITY", new int[] {50, 50, 50}, "C", new int[] {30, 30, 30})), TRIMMING);
        List<Aggregation.Result> results = new ArrayList<>(List.of(strongDocument, strongPresentation, feasible,
                earlier));
        results.forEach(r -> assertEquals(d("74.00"), r.total()));
        results.sort(Aggregation.RANK_ORDER);
        assertEquals(List.of(earlier, feasible, strongPresentation, strongDocument), results);
        assertEquals("EARLIER_SUBMISSION", Aggregation.tieBrokenBy(earlier, feasible));
        assertEquals("FEASIBILITY_SCORE", Aggregation.tieBrokenBy(feasible, strongPresentation));
        assertEquals("PRESENTATION_SCORE", Aggregation.tieBrokenBy(strongPresentation, strongDocument));
    }

    @Test
    void passingApplicationsRankAboveFailingOnesWhateverTheTotal() {
        Aggregation.Result failingHigh = Aggregation.score(candidate("2026-03-01T00:00:00Z",
                Map.of("A", new int[] {50, 50, 50}, "B", new int[] {50, 50, 50}),
                Map.of("FEASIBILITY", new int[] {60, 60, 60}, "C", new int[] {10, 10, 10})), TRIMMING);
        Aggregation.Result passingLower = Aggregation.score(candidate("2026-03-01T00:00:00Z",
                Map.of("A", new int[] {40, 40, 40}, "B", new int[] {40, 40, 40}),
                Map.of("FEASIBILITY", new int[] {45, 45, 45}, "C", new int[] {30, 30, 30})), TRIMMING);
        List<Aggregation.Result> results = new ArrayList<>(List.of(failingHigh, passingLower));
        results.sort(Aggregation.RANK_ORDER);
        assertEquals(passingLower, results.get(0));
    }

    static Aggregation.CriterionScore criterion(Aggregation.Result result, Stage stage, String code) {
        return result.stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow().criteria().stream()
                .filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }
}
