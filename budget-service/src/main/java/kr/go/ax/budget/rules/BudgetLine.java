package kr.go.ax.budget.rules;

/** One fiscal year of one project's money, in whole KRW per source; null means the client left it out. */
public record BudgetLine(Integer fiscalYear, Long centralKrw, Long localGovernmentKrw, Long selfContributionKrw) {
}
