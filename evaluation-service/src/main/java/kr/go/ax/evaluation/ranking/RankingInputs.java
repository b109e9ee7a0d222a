package kr.go.ax.evaluation.ranking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.evaluation.rubrics.RubricContent;

/**
 * Everything a ranking and a selection are computed from. A decision stores it whole, with the SHA-256 of its
 * canonical JSON, so the decision can be recomputed and its inputs verified.
 */
public record RankingInputs(UUID callId, String ruleSetVersion, int trimMinScores, int minSheetsPerStage, int slots,
        int reserveSlots, int documentWeightPct, int presentationWeightPct, long centralPoolPerYearKrw,
        List<Integer> fiscalYears, RubricContent rubric, List<ApplicationInput> applications) {

    /** An application in evaluation; a withdrawn one stays listed (flagged) so its withdrawal is part of the inputs. */
    public record ApplicationInput(UUID applicationId, String region, String title, Instant submittedAt,
            boolean withdrawn, Map<Integer, Long> requestedCentralByYear, List<Aggregation.Sheet> sheets) {
    }

    public Aggregation.Settings settings() {
        return new Aggregation.Settings(rubric, documentWeightPct, presentationWeightPct, trimMinScores);
    }
}
