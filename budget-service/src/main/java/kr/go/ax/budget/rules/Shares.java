package kr.go.ax.budget.rules;

import kr.go.ax.common.money.Krw;

/** Integer share arithmetic. Inputs are bounded (see {@link Krw#MAX_AMOUNT}), so no product overflows a long. */
final class Shares {
    private Shares() {
    }

    /** amount / total in basis points, rounded half up; 0 for a zero total. */
    static int bp(long amount, long total) {
        if (total == 0) {
            return 0;
        }
        return (int) ((amount * Krw.FULL_BP * 2 + total) / (2 * total));
    }

    /** The largest amount that is at most {@code maxBp} of {@code total}: floor(total × maxBp / 10000). */
    static long maxAmount(long total, int maxBp) {
        return Math.floorDiv(total * maxBp, Krw.FULL_BP);
    }

    /** The smallest amount that is at least {@code minBp} of {@code total}: ceil(total × minBp / 10000). */
    static long minAmount(long total, int minBp) {
        return -Math.floorDiv(-total * minBp, Krw.FULL_BP);
    }

    static String percent(int bp) {
        return String.format("%d.%02d%%", bp / 100, bp % 100);
    }

    static String krw(long amount) {
        return String.format("%,d KRW", amount);
    }
}
