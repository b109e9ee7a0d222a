package kr.go.ax.budget.rules;

import java.util.List;

/**
 * The co-financing rules of one call, frozen when the call opens. Shares are basis points of the total project cost
 * (6000 = 60.00%). {@code fiscalYears} is empty when the caller of a dry run gave explicit rules without years.
 */
public record BudgetRules(int centralShareMaxBp, int localGovernmentShareMinBp,
        long centralReferencePerRegionPerYearKrw, List<Integer> fiscalYears) {
}
