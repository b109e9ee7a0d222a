package kr.go.ax.evaluation.ranking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The configurable rules of aggregation, decision and appeal; their values are recorded with every decision. */
@ConfigMapping(prefix = "ax.evaluation")
public interface EvaluationRules {
    /** From this many scores of a criterion on, the single highest and single lowest are dropped. */
    @WithDefault("5")
    @jakarta.validation.constraints.Min(3)
    int trimMinScores();

    /** A decision needs at least this many evaluators' sheets for each stage of each application. */
    @WithDefault("3")
    @jakarta.validation.constraints.Min(1)
    int minSheetsPerStage();

    /** Named in every decision so a recomputation knows which rules applied. */
    @WithDefault("ax-selection-2026.1")
    String ruleSetVersion();

    /** How long after the decision a region may appeal. */
    @WithDefault("P7D")
    Duration appealWindow();
}
