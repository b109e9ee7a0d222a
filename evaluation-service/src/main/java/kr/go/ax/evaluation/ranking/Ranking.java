package kr.go.ax.evaluation.ranking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.go.ax.evaluation.rubrics.Stage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ranks the applications of a call that are still in the running (withdrawn ones are left out). */
public final class Ranking {
    private Ranking() {
    }

    /**
     * One line of a ranking. {@code tieBrokenBy} names the link of the tie chain that put this application below the
     * one ranked just above it with the same total; null when the totals differ.
     */
    @Schema(description = "One line of a ranking: the application's result with its rank")
    public record Entry(
            @Schema(description = "1 for the best application", example = "1") int rank,
            @com.fasterxml.jackson.annotation.JsonUnwrapped Aggregation.Result result,
            @Schema(description = "How many evaluators' sheets were counted per stage")
            Map<Stage, Integer> evaluatorCounts,
            @Schema(description = "Which tie-break put this application below the one just above it with the same"
                    + " total: PRESENTATION_SCORE, FEASIBILITY_SCORE, EARLIER_SUBMISSION or APPLICATION_ID; null when"
                    + " the totals differ", example = "PRESENTATION_SCORE")
            String tieBrokenBy) {
    }

    public static List<Entry> rank(RankingInputs inputs) {
        List<Aggregation.Result> results = new ArrayList<>();
        for (RankingInputs.ApplicationInput application : inputs.applications()) {
            if (application.withdrawn()) {
                continue;
            }
            results.add(Aggregation.score(new Aggregation.Candidate(application.applicationId(), application.region(),
                    application.title(), application.submittedAt(), application.sheets()), inputs.settings()));
        }
        results.sort(Aggregation.RANK_ORDER);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Aggregation.Result result = results.get(i);
            Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
            result.stages().forEach(s -> counts.put(s.stage(), s.evaluators()));
            String tie = i == 0 ? null : Aggregation.tieBrokenBy(results.get(i - 1), result);
            entries.add(new Entry(i + 1, result, counts, tie));
        }
        return entries;
    }
}
