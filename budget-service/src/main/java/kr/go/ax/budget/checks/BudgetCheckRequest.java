package kr.go.ax.budget.checks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.money.Krw;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of the dry run: the application's project/budget shape, checked against a call's rules ({@code callId}) or
 * against explicit {@code fundingRules}. Amounts are not range-checked here: a negative or absurd amount is a rule
 * violation in the answer, not a malformed request. Sizes are bounded so that no sum can overflow.
 */
@Schema(description = "A budget to check without storing it: give either callId (the call's rules apply) or"
        + " fundingRules (explicit rules), not both")
public record BudgetCheckRequest(
        @Schema(description = "The call whose co-financing rules apply; leave out when giving fundingRules",
                example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
        UUID callId,
        @Schema(description = "Explicit co-financing rules; leave out when giving callId")
        @Valid FundingRules fundingRules,
        @Schema(description = "With fundingRules only: the fiscal years the budget may use (empty or absent: any);"
                + " ignored with callId, where the call's years apply", example = "[2026, 2027]")
        @Size(max = 10) List<@NotNull @Min(2000) @Max(2100) Integer> fiscalYears,
        @Schema(description = "The application's projects with their budgets (up to 20)")
        @NotNull @Size(max = 20) List<@NotNull @Valid Project> projects) {

    @Schema(description = "Co-financing rules of a call; shares are basis points of the total project cost"
            + " (6000 = 60.00%)")
    public record FundingRules(
            @Schema(description = "Largest allowed central-government share, in basis points", example = "6000")
            @NotNull @Min(1) @Max(Krw.FULL_BP) Integer centralShareMaxBp,
            @Schema(description = "Smallest required local-government share, in basis points", example = "4000")
            @NotNull @Min(0) @Max(Krw.FULL_BP) Integer localGovernmentShareMinBp,
            @Schema(description = "Central money a region may ask for per fiscal year, in whole KRW",
                    example = "7000000000")
            @NotNull @Min(1) @Max(Krw.MAX_AMOUNT) Long centralReferencePerRegionPerYearKrw,
            @Schema(description = "The call's central pool per fiscal year, in whole KRW; not used by the check",
                    example = "100000000000")
            @Min(1) @Max(Krw.MAX_AMOUNT) Long centralPoolPerYearKrw) {
    }

    /** A project as in an application; only its budget matters here. */
    @Schema(description = "A project as in an application; only its budget is checked")
    public record Project(
            @Schema(description = "Project type as in the application", example = "SOLUTION_DISSEMINATION") String type,
            @Schema(description = "Project title", example = "Busan manufacturing AI adoption")
            @Size(max = 200) String title,
            @Schema(description = "Project description",
                    example = "AI quality inspection for 40 SMEs in Busan's machinery cluster")
            @Size(max = 4000) String description,
            @Schema(description = "Number of SMEs the project targets", example = "40") Integer targetSmeCount,
            @Schema(description = "The project's money per fiscal year (up to 10 lines)")
            @NotNull @Size(max = 10) List<@NotNull @Valid Line> budget) {
    }

    @Schema(description = "One fiscal year of a project's money, in whole KRW per funding source")
    public record Line(
            @Schema(description = "Fiscal year of the line", example = "2026") @NotNull Integer fiscalYear,
            @Schema(description = "Central-government money, in whole KRW", example = "3000000000")
            @NotNull Long centralKrw,
            @Schema(description = "Local-government money, in whole KRW", example = "2000000000")
            @NotNull Long localGovernmentKrw,
            @Schema(description = "Participants' own contribution, in whole KRW", example = "0")
            @NotNull Long selfContributionKrw) {
    }
}
