package kr.go.ax.common.money;

/**
 * KRW amounts are whole won in a {@code long}, never floating point. Every amount a client sends must be within
 * {@link #MAX_AMOUNT}, so sums of a few hundred amounts multiplied by 10,000 basis points still fit in a long and
 * share checks can cross-multiply exactly.
 */
public final class Krw {
    /** 1 trillion KRW (1조 원): about 70 times the whole 2026 call's central pool per year. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    /** 100.00% in basis points. */
    public static final int FULL_BP = 10_000;

    private Krw() {
    }
}
