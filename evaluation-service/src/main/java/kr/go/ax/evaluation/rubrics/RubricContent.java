package kr.go.ax.evaluation.rubrics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The scoring rubric of a call: criteria per stage (each stage out of 100 points) and the pass marks: a total of at
 * least {@code passTotal} and, on every criterion, at least {@code passCriterionPct}% of its maximum.
 */
public record RubricContent(
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Criterion> criteria,
        @NotNull @Min(0) @Max(100) Integer passTotal,
        @NotNull @Min(0) @Max(100) Integer passCriterionPct) {

    public record Criterion(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an UPPER_SNAKE_CASE code")
            String code,
            @NotBlank @Size(max = 200) String title,
            @NotNull Stage stage,
            @NotNull @Min(1) @Max(100) Integer maxPoints) {
    }

    /** The programme's published criteria, weighted as in the 2025 call. */
    public static RubricContent defaults() {
        return new RubricContent(List.of(
                new Criterion("REGIONAL_INDUSTRY_FIT", "Fit with the regional industry (지역산업 연계성)", Stage.DOCUMENT, 25),
                new Criterion("DELIVERY_CAPACITY", "Delivery capacity (추진역량)", Stage.DOCUMENT, 25),
                new Criterion("FEASIBILITY", "Feasibility (실현가능성)", Stage.DOCUMENT, 20),
                new Criterion("MATCHING_FUND_CAPACITY", "Ability to fund the local share (자부담 능력)", Stage.DOCUMENT, 15),
                new Criterion("SUSTAINABILITY", "Sustainability after the grant", Stage.DOCUMENT, 15),
                new Criterion("EXPERTISE", "Expertise (전문성)", Stage.PRESENTATION, 30),
                new Criterion("FEASIBILITY", "Feasibility (실현가능성)", Stage.PRESENTATION, 30),
                new Criterion("REGIONAL_INDUSTRY_FIT", "Fit with the regional industry (지역산업 연계성)", Stage.PRESENTATION,
                        20),
                new Criterion("DELIVERY_CAPACITY", "Delivery capacity (추진역량)", Stage.PRESENTATION, 20)),
                70, 40);
    }
}
