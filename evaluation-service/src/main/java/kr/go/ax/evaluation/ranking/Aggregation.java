package kr.go.ax.evaluation.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.evaluation.rubrics.RubricContent;
import kr.go.ax.evaluation.rubrics.Stage;
import org.apache.commons.numbers.fraction.BigFraction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Turns score sheets into criterion means, stage scores, totals, pass/fail and a rank order. Pure: the same inputs give
 * the same ranking, so anyone holding a decision's recorded inputs can recompute it.
 * <ul>
 * <li>Per application, stage and criterion: with at least {@code trimMinScores} scores, the single highest and the
 * single lowest are dropped; the criterion score is the mean of the rest.</li>
 * <li>Stage score = sum of its criterion means (out of 100). Total = (document × documentWeightPct + presentation ×
 * presentationWeightPct) / 100.</li>
 * <li>All arithmetic is exact (fractions). The one rounding is at the end, for display: 2 decimals, half-even. Pass
 * marks and ranking compare the exact values, never the rounded ones.</li>
 * <li>Pass: total ≥ passTotal, every criterion mean ≥ passCriterionPct % of its maximum, and every stage scored.</li>
 * <li>Order: passing before failing, then higher total, then the tie chain: higher PRESENTATION score, higher
 * FEASIBILITY (sum over the stages that have it), earlier submission, and the application id last so the order is
 * total.</li>
 * </ul>
 */
public final class Aggregation {
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    static final String TIE_CRITERION = "FEASIBILITY";

    private Aggregation() {
    }

    /** One evaluator's complete scores for one stage. */
    public record Sheet(UUID sheetId, UUID evaluatorId, Stage stage, Map<String, Integer> scores) {
    }

    public record Candidate(UUID applicationId, String region, String title, Instant submittedAt, List<Sheet> sheets) {
    }

    public record Settings(RubricContent rubric, int documentWeightPct, int presentationWeightPct, int trimMinScores) {
    }

    @Schema(description = "One criterion's score in a stage: the mean of the counted evaluators' points")
    public record CriterionScore(
            @Schema(description = "The rubric criterion", example = "FEASIBILITY") String code,
            @Schema(description = "The criterion's maximum points", example = "20") int maxPoints,
            @Schema(description = "Mean of the counted scores, 2 decimals", example = "16.33") BigDecimal mean,
            @Schema(description = "Scores counted after trimming", example = "3") int scoresCounted,
            @Schema(description = "Scores given", example = "5") int scoresGiven,
            @Schema(description = "Whether the mean reaches the rubric's pass percentage of the maximum",
                    example = "true")
            boolean passed) {
    }

    @Schema(description = "One stage's score: the sum of its criterion means, out of 100")
    public record StageScore(
            @Schema(description = "The stage") Stage stage,
            @Schema(description = "The stage's weight in the total, in percent", example = "40") int weightPct,
            @Schema(description = "The stage score out of 100, 2 decimals", example = "82.67") BigDecimal score,
            @Schema(description = "How many evaluators' sheets were counted", example = "5") int evaluators,
            @Schema(description = "Whether each criterion's single highest and lowest scores were dropped",
                    example = "true")
            boolean trimmed,
            @Schema(description = "The stage's criteria in rubric order") List<CriterionScore> criteria) {
    }

    /** One application's outcome; the exact values stay out of JSON. */
    @Schema(description = "One application's aggregated scores and pass/fail")
    public record Result(
            @Schema(description = "The application", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
            UUID applicationId,
            @Schema(description = "The applicant region, ISO 3166-2:KR", example = "KR-26") String region,
            @Schema(description = "The application's title", example = "Busan AI-driven smart port and shipbuilding"
                    + " transformation") String title,
            @Schema(description = "When it was submitted (UTC)", example = "2026-02-27T08:45:00Z") Instant submittedAt,
            @Schema(description = "Weighted total out of 100, 2 decimals", example = "84.25") BigDecimal total,
            @Schema(description = "Whether every pass mark is met", example = "true") boolean passed,
            @Schema(description = "Why it fails (TOTAL_BELOW_PASS_MARK, CRITERION_BELOW_PASS_MARK, STAGE_NOT_SCORED,"
                    + " each with details); empty when it passes")
            List<String> failReasons,
            @Schema(description = "DOCUMENT and PRESENTATION scores") List<StageScore> stages,
            @com.fasterxml.jackson.annotation.JsonIgnore Exact exact) {
    }

    public record Exact(BigFraction total, BigFraction presentation, BigFraction feasibility) {
    }

    public static Result score(Candidate candidate, Settings settings) {
        RubricContent rubric = settings.rubric();
        List<String> failReasons = new ArrayList<>();
        List<StageScore> stages = new ArrayList<>();
        BigFraction total = BigFraction.ZERO;
        BigFraction presentation = BigFraction.ZERO;
        BigFraction feasibility = BigFraction.ZERO;
        for (Stage stage : Stage.values()) {
            int weight = stage == Stage.DOCUMENT ? settings.documentWeightPct() : settings.presentationWeightPct();
            List<Sheet> sheets = candidate.sheets().stream().filter(s -> s.stage() == stage).toList();
            boolean trimmed = sheets.size() >= settings.trimMinScores();
            if (sheets.isEmpty()) {
                failReasons.add("STAGE_NOT_SCORED: " + stage);
            }
            BigFraction stageScore = BigFraction.ZERO;
            List<CriterionScore> criteria = new ArrayList<>();
            for (RubricContent.Criterion criterion : rubric.criteria()) {
                if (criterion.stage() != stage) {
                    continue;
                }
                List<Integer> given = sheets.stream().map(s -> s.scores().get(criterion.code())).sorted().toList();
                List<Integer> counted = trimmed ? given.subList(1, given.size() - 1) : given;
                BigFraction mean = counted.isEmpty() ? BigFraction.ZERO
                        : BigFraction.of(counted.stream().mapToLong(Integer::longValue).sum(), counted.size());
                // mean ≥ pct% of max  ⇔  mean × 100 ≥ pct × max, compared exactly
                boolean passed = !counted.isEmpty() && mean.multiply(100)
                        .compareTo(BigFraction.of((long) rubric.passCriterionPct() * criterion.maxPoints())) >= 0;
                if (!counted.isEmpty() && !passed) {
                    failReasons.add("CRITERION_BELOW_PASS_MARK: " + stage + "." + criterion.code() + " "
                            + display(mean) + " < " + rubric.passCriterionPct() + "% of " + criterion.maxPoints());
                }
                if (TIE_CRITERION.equals(criterion.code())) {
                    feasibility = feasibility.add(mean);
                }
                stageScore = stageScore.add(mean);
                criteria.add(new CriterionScore(criterion.code(), criterion.maxPoints(), display(mean), counted.size(),
                        given.size(), passed));
            }
            if (stage == Stage.PRESENTATION) {
                presentation = stageScore;
            }
            total = total.add(stageScore.multiply(weight).divide(100));
            stages.add(new StageScore(stage, weight, display(stageScore), sheets.size(), trimmed, criteria));
        }
        if (total.compareTo(BigFraction.of(rubric.passTotal())) < 0) {
            failReasons.add(0, "TOTAL_BELOW_PASS_MARK: " + display(total) + " < " + rubric.passTotal());
        }
        return new Result(candidate.applicationId(), candidate.region(), candidate.title(), candidate.submittedAt(),
                display(total), failReasons.isEmpty(), List.copyOf(failReasons), List.copyOf(stages),
                new Exact(total, presentation, feasibility));
    }

    /** Passing first, then by total and the tie chain; see the class comment. */
    public static final Comparator<Result> RANK_ORDER = Comparator
            .comparing((Result r) -> !r.passed())
            .thenComparing((Result r) -> r.exact().total(), Comparator.reverseOrder())
            .thenComparing((Result r) -> r.exact().presentation(), Comparator.reverseOrder())
            .thenComparing((Result r) -> r.exact().feasibility(), Comparator.reverseOrder())
            .thenComparing(Result::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Result::applicationId);

    /** Which link of the tie chain put {@code lower} below {@code higher}, or null when the totals differ. */
    public static String tieBrokenBy(Result higher, Result lower) {
        if (higher.passed() != lower.passed() || higher.exact().total().compareTo(lower.exact().total()) != 0) {
            return null;
        }
        if (higher.exact().presentation().compareTo(lower.exact().presentation()) != 0) {
            return "PRESENTATION_SCORE";
        }
        if (higher.exact().feasibility().compareTo(lower.exact().feasibility()) != 0) {
            return "FEASIBILITY_SCORE";
        }
        if (higher.submittedAt() != null && !higher.submittedAt().equals(lower.submittedAt())) {
            return "EARLIER_SUBMISSION";
        }
        return "APPLICATION_ID";
    }

    public static BigDecimal display(BigFraction value) {
        return value.bigDecimalValue(SCALE, ROUNDING);
    }
}
