package kr.go.ax.applications.calls;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import kr.go.ax.common.money.Krw;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/calls} and {@code PUT /api/v1/calls/{id}}. */
@Schema(description = "The whole content of a programme call: its window, fiscal years, slots and the rules that "
        + "bind the regions' applications. A PUT replaces every field.")
public record CallRequest(
        @Schema(description = "Unique code of the call: 3 to 40 upper-case letters, digits or dashes",
                example = "AX-2026-01")
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}",
                message = "must be 3 to 40 upper-case letters, digits or dashes") String code,
        @Schema(description = "Title of the call, at most 200 characters; surrounding blanks are stripped",
                example = "Region-Led AI Transformation 2026")
        @NotBlank @Size(max = 200) String title,
        @Schema(description = "When regions may start applying (ISO-8601, UTC)", example = "2026-02-04T00:00:00Z")
        @NotNull Instant opensAt,
        @Schema(description = "Deadline for submissions (ISO-8601, UTC); must be later than opensAt. The call "
                + "closes by itself when it passes", example = "2026-03-10T09:00:00Z")
        @NotNull Instant closesAt,
        @Schema(description = "Fiscal years the call funds, 2020 to 2100, each at most once (stored in ascending "
                + "order); every budget line of an application must fall in one of them", example = "[2026, 2027]")
        @NotEmpty @Size(max = 10) List<@NotNull @Min(2020) @Max(2100) Integer> fiscalYears,
        @Schema(description = "How many regions are selected (1 to 17)", example = "6")
        @NotNull @Min(1) @Max(17) Integer slots,
        @Schema(description = "How many regions are kept in reserve behind the selected ones (0 to 17)",
                example = "2")
        @NotNull @Min(0) @Max(17) Integer reserveSlots,
        @Schema(description = "Co-financing rules that budget-service applies to every application")
        @NotNull @Valid FundingRules fundingRules,
        @Schema(description = "Which regions may apply; omitted means every region")
        @Valid Eligibility eligibility,
        @Schema(description = "Weights of the evaluation stages; omitted means 40% documents, 60% presentation")
        @Valid EvaluationWeights evaluation) {

    /** Shares are basis points of the total project cost (6000 = 60.00%). */
    @Schema(description = "Co-financing rules. Amounts are whole KRW; shares are basis points of the total project "
            + "cost (6000 = 60.00%). centralShareMaxBp + localGovernmentShareMinBp must not exceed 10000.")
    public record FundingRules(
            @Schema(description = "Central-government money available per fiscal year for all selected regions "
                    + "together, in KRW", example = "42000000000")
            @NotNull @Min(1) @Max(Krw.MAX_AMOUNT) Long centralPoolPerYearKrw,
            @Schema(description = "Reference central funding per region and fiscal year, in KRW; must not exceed "
                    + "centralPoolPerYearKrw", example = "7000000000")
            @NotNull @Min(1) @Max(Krw.MAX_AMOUNT) Long centralReferencePerRegionPerYearKrw,
            @Schema(description = "Highest central share of the total project cost, in basis points (1 to 10000)",
                    example = "6000")
            @NotNull @Min(1) @Max(Krw.FULL_BP) Integer centralShareMaxBp,
            @Schema(description = "Lowest local-government share of the total project cost, in basis points "
                    + "(0 to 10000)", example = "2000")
            @NotNull @Min(0) @Max(Krw.FULL_BP) Integer localGovernmentShareMinBp) {
    }

    @Schema(description = "Which regions may apply to the call")
    public record Eligibility(
            @Schema(description = "ISO 3166-2:KR codes of the metropolitan or provincial governments that may not "
                    + "apply (at most 17; duplicates are dropped)", example = "[\"KR-11\", \"KR-41\"]")
            @Size(max = 17) List<@NotNull String> excludedRegions) {
    }

    @Schema(description = "Weights of the evaluation stages in percent; they must add up to 100")
    public record EvaluationWeights(
            @Schema(description = "Weight of the document review, 0 to 100", example = "40")
            @NotNull @Min(0) @Max(100) Integer documentWeightPct,
            @Schema(description = "Weight of the presentation, 0 to 100", example = "60")
            @NotNull @Min(0) @Max(100) Integer presentationWeightPct) {
    }
}
