package kr.go.ax.budget.checks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.money.Krw;

/**
 * Body of the dry run: the application's project/budget shape, checked against a call's rules ({@code callId}) or
 * against explicit {@code fundingRules}. Amounts are not range-checked here: a negative or absurd amount is a rule
 * violation in the answer, not a malformed request. Sizes are bounded so that no sum can overflow.
 */
public record BudgetCheckRequest(
        UUID callId,
        @Valid FundingRules fundingRules,
        @Size(max = 10) List<@NotNull @Min(2000) @Max(2100) Integer> fiscalYears,
        @NotNull @Size(max = 20) List<@NotNull @Valid Project> projects) {

    public record FundingRules(
            @NotNull @Min(1) @Max(Krw.FULL_BP) Integer centralShareMaxBp,
            @NotNull @Min(0) @Max(Krw.FULL_BP) Integer localGovernmentShareMinBp,
            @NotNull @Min(1) @Max(Krw.MAX_AMOUNT) Long centralReferencePerRegionPerYearKrw,
            @Min(1) @Max(Krw.MAX_AMOUNT) Long centralPoolPerYearKrw) {
    }

    /** A project as in an application; only its budget matters here. */
    public record Project(String type, @Size(max = 200) String title, @Size(max = 4000) String description,
            Integer targetSmeCount, @NotNull @Size(max = 10) List<@NotNull @Valid Line> budget) {
    }

    public record Line(@NotNull Integer fiscalYear, @NotNull Long centralKrw, @NotNull Long localGovernmentKrw,
            @NotNull Long selfContributionKrw) {
    }
}
