package kr.go.ax.budget.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sums of one fiscal year (or of the whole application when {@code fiscalYear} is null), with each source's share of
 * the total in basis points, rounded half up for display. Verdicts never use these rounded shares: they compare
 * exact integer products.
 */
@Schema(description = "Sums of one fiscal year (or of the whole budget when fiscalYear is null) in whole KRW, with"
        + " each source's share of the total in basis points, rounded half up for display")
public record Totals(
        @Schema(description = "The fiscal year; null for the whole budget", example = "2026") Integer fiscalYear,
        @Schema(description = "Central-government money, in whole KRW", example = "4200000000") long centralKrw,
        @Schema(description = "Local-government money, in whole KRW", example = "2800000000")
        long localGovernmentKrw,
        @Schema(description = "Participants' own contribution, in whole KRW", example = "0")
        long selfContributionKrw,
        @Schema(description = "Sum of the three sources, in whole KRW", example = "7000000000") long totalKrw,
        @Schema(description = "Central share of the total, in basis points", example = "6000") int centralShareBp,
        @Schema(description = "Local-government share of the total, in basis points", example = "4000")
        int localGovernmentShareBp,
        @Schema(description = "Self-contribution share of the total, in basis points", example = "0")
        int selfContributionShareBp) {

    static Totals of(Integer fiscalYear, long central, long local, long self) {
        long total = central + local + self;
        return new Totals(fiscalYear, central, local, self, total, Shares.bp(central, total), Shares.bp(local, total),
                Shares.bp(self, total));
    }
}
