package kr.go.ax.budget.rules;

/**
 * Sums of one fiscal year (or of the whole application when {@code fiscalYear} is null), with each source's share of
 * the total in basis points, rounded half up for display. Verdicts never use these rounded shares: they compare
 * exact integer products.
 */
public record Totals(Integer fiscalYear, long centralKrw, long localGovernmentKrw, long selfContributionKrw,
        long totalKrw, int centralShareBp, int localGovernmentShareBp, int selfContributionShareBp) {

    static Totals of(Integer fiscalYear, long central, long local, long self) {
        long total = central + local + self;
        return new Totals(fiscalYear, central, local, self, total, Shares.bp(central, total), Shares.bp(local, total),
                Shares.bp(self, total));
    }
}
