package kr.go.ax.budget.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.go.ax.common.money.Krw;

/**
 * Checks a budget against a call's co-financing rules, per fiscal year and for the whole application, with exact
 * integer arithmetic: "central ≤ 60%" is {@code central × 10000 ≤ 6000 × total}, never a division.
 */
public final class BudgetAssessment {
    private BudgetAssessment() {
    }

    /** The outcome of a check: valid when there is no violation. */
    public record Result(boolean valid, List<Totals> years, Totals overall, List<Violation> violations) {
    }

    public static Result assess(BudgetRules rules, List<List<BudgetLine>> projects) {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, long[]> byYear = new TreeMap<>();
        boolean anyNonZero = false;
        for (int p = 0; p < projects.size(); p++) {
            List<BudgetLine> lines = projects.get(p) == null ? List.of() : projects.get(p);
            for (int l = 0; l < lines.size(); l++) {
                BudgetLine line = lines.get(l);
                String at = "projects[" + p + "].budget[" + l + "]";
                boolean sane = checkAmount(violations, at + ".centralKrw", line.centralKrw())
                        & checkAmount(violations, at + ".localGovernmentKrw", line.localGovernmentKrw())
                        & checkAmount(violations, at + ".selfContributionKrw", line.selfContributionKrw());
                if (!rules.fiscalYears().isEmpty() && !rules.fiscalYears().contains(line.fiscalYear())) {
                    violations.add(Violation.of(Violation.FISCAL_YEAR_OUTSIDE_CALL, at + ".fiscalYear",
                            "fiscal year " + line.fiscalYear() + " is not one of the call's " + rules.fiscalYears()));
                }
                if (!sane) {
                    continue; // a negative or absurd amount makes this line's sums meaningless
                }
                long[] sums = byYear.computeIfAbsent(line.fiscalYear(), y -> new long[3]);
                sums[0] += line.centralKrw();
                sums[1] += line.localGovernmentKrw();
                sums[2] += line.selfContributionKrw();
                anyNonZero |= line.centralKrw() + line.localGovernmentKrw() + line.selfContributionKrw() > 0;
            }
        }
        if (!anyNonZero && violations.isEmpty()) {
            violations.add(Violation.of(Violation.EMPTY_BUDGET, "projects",
                    "the budget has no line with a non-zero amount"));
        }

        List<Totals> years = new ArrayList<>();
        long central = 0;
        long local = 0;
        long self = 0;
        for (Map.Entry<Integer, long[]> year : byYear.entrySet()) {
            long[] s = year.getValue();
            Totals totals = Totals.of(year.getKey(), s[0], s[1], s[2]);
            years.add(totals);
            String field = "fiscalYears[" + year.getKey() + "]";
            checkShares(violations, rules, totals, field, "fiscal year " + year.getKey());
            if (totals.centralKrw() > rules.centralReferencePerRegionPerYearKrw()) {
                violations.add(Violation.of(Violation.CENTRAL_REFERENCE_EXCEEDED, field + ".centralKrw",
                        "central " + Shares.krw(totals.centralKrw()) + " in fiscal year " + year.getKey()
                                + " exceeds the reference of " + Shares.krw(rules.centralReferencePerRegionPerYearKrw())
                                + " per region and year"));
            }
            central += s[0];
            local += s[1];
            self += s[2];
        }
        Totals overall = Totals.of(null, central, local, self);
        if (overall.totalKrw() > 0) {
            checkShares(violations, rules, overall, "total", "the whole application");
        }
        return new Result(violations.isEmpty(), years, overall, violations);
    }

    private static void checkShares(List<Violation> violations, BudgetRules rules, Totals t, String field,
            String scope) {
        if (t.totalKrw() == 0) {
            return;
        }
        if (t.centralKrw() * Krw.FULL_BP > (long) rules.centralShareMaxBp() * t.totalKrw()) {
            violations.add(new Violation(Violation.CENTRAL_SHARE_EXCEEDED, field,
                    "central " + Shares.krw(t.centralKrw()) + " is " + Shares.percent(t.centralShareBp()) + " of "
                            + Shares.krw(t.totalKrw()) + " in " + scope + "; at most "
                            + Shares.percent(rules.centralShareMaxBp()) + " is allowed, i.e. at most "
                            + Shares.krw(Shares.maxAmount(t.totalKrw(), rules.centralShareMaxBp())),
                    t.centralShareBp(), rules.centralShareMaxBp()));
        }
        if (t.localGovernmentKrw() * Krw.FULL_BP < (long) rules.localGovernmentShareMinBp() * t.totalKrw()) {
            violations.add(new Violation(Violation.LOCAL_GOVERNMENT_SHARE_TOO_LOW, field,
                    "local government " + Shares.krw(t.localGovernmentKrw()) + " is "
                            + Shares.percent(t.localGovernmentShareBp()) + " of " + Shares.krw(t.totalKrw()) + " in "
                            + scope + "; at least " + Shares.percent(rules.localGovernmentShareMinBp())
                            + " is required, i.e. at least "
                            + Shares.krw(Shares.minAmount(t.totalKrw(), rules.localGovernmentShareMinBp())),
                    t.localGovernmentShareBp(), rules.localGovernmentShareMinBp()));
        }
    }

    private static boolean checkAmount(List<Violation> violations, String field, Long amount) {
        if (amount < 0) {
            violations.add(Violation.of(Violation.NEGATIVE_AMOUNT, field,
                    "amount " + Shares.krw(amount) + " is negative"));
            return false;
        }
        if (amount > Krw.MAX_AMOUNT) {
            violations.add(Violation.of(Violation.AMOUNT_OUT_OF_RANGE, field,
                    "amount " + Shares.krw(amount) + " exceeds the bound of " + Shares.krw(Krw.MAX_AMOUNT)
                            + " per line"));
            return false;
        }
        return true;
    }
}
