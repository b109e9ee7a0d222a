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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The scoring rubric of a call: criteria per stage (each stage out of 100 points) and the pass marks: a total of at
 * least {@code passTotal} and, on every criterion, at least {@code passCriterionPct}% of its maximum.
 */
@Schema(description = "A call's scoring rubric: criteria per stage, each stage out of 100 points, and the pass marks")
public record RubricContent(
        @Schema(description = "The criteria of both stages, at most 30; each stage's maximum points add up to 100")
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Criterion> criteria,
        @Schema(description = "The weighted total (out of 100) an application needs to pass", example = "70")
        @NotNull @Min(0) @Max(100) Integer passTotal,
        @Schema(description = "On every criterion, the mean score must reach this percentage of its maximum;"
                + " scoring under it requires a comment", example = "40")
        @NotNull @Min(0) @Max(100) Integer passCriterionPct) {

    @Schema(description = "One scoring criterion of a stage")
    public record Criterion(
            @Schema(description = "UPPER_SNAKE_CASE code, unique within the stage; FEASIBILITY also breaks ties",
                    example = "FEASIBILITY")
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an UPPER_SNAKE_CASE code")
            String code,
            @Schema(description = "The criterion's title, at most 200 characters", example = "Feasibility (실현가능성)")
            @NotBlank @Size(max = 200) String title,
            @Schema(description = "The stage it is scored in") @NotNull Stage stage,
            @Schema(description = "Maximum points, 1 to 100", example = "20")
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
