package kr.go.ax.evaluation.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.evaluation.decisions.SelectionRules.Outcome;
import org.junit.jupiter.api.Test;

class SelectionRulesTest {
    static final long BN = 1_000_000_000L;

    static Outcome selected(int rank, long y2026, long y2027) {
        return new Outcome(UUID.randomUUID(), "KR-" + (10 + rank), SelectionRules.SELECTED, rank,
                Map.of(2026, y2026, 2027, y2027), Map.of(2026, y2026, 2027, y2027), false);
    }

    @Test
    void theExcessIsCutFromTheLowestRankedFirst() {
        // Pool 20 bn a year. Requests: 8 + 8 + 8 = 24 bn in 2026 (4 over), 6 + 6 + 6 = 18 in 2027 (fits).
        List<Outcome> fitted = SelectionRules.fitToPool(List.of(selected(1, 8 * BN, 6 * BN),
                selected(2, 8 * BN, 6 * BN), selected(3, 8 * BN, 6 * BN)), 20 * BN);
        assertEquals(Map.of(2026, 8 * BN, 2027, 6 * BN), fitted.get(0).awardedCentralByYear());
        assertEquals(Map.of(2026, 8 * BN, 2027, 6 * BN), fitted.get(1).awardedCentralByYear());
        assertEquals(Map.of(2026, 4 * BN, 2027, 6 * BN), fitted.get(2).awardedCentralByYear());
        assertFalse(fitted.get(1).reduced());
        assertTrue(fitted.get(2).reduced());
    }

    @Test
    void aCutLargerThanTheLowestAwardMovesUpTheRanking() {
        // Pool 10 bn. 6 + 6 + 3 = 15: the third loses its 3, the second 2.
        List<Outcome> fitted = SelectionRules.fitToPool(List.of(selected(1, 6 * BN, 0),
                selected(2, 6 * BN, 0), selected(3, 3 * BN, 0)), 10 * BN);
        assertEquals(List.of(6 * BN, 4 * BN, 0L), fitted.stream().map(o -> o.awardedCentralByYear().get(2026))
                .toList());
    }

    @Test
    void withdrawingASelectedApplicationPromotesTheBestReserveWithinWhatThePoolHasFree() {
        Outcome first = selected(1, 7 * BN, 7 * BN);
        Outcome second = selected(2, 7 * BN, 7 * BN);
        Outcome reserve1 = new Outcome(UUID.randomUUID(), "KR-43", SelectionRules.RESERVE, 3,
                Map.of(2026, 9 * BN, 2027, 5 * BN), Map.of(), false);
        Outcome reserve2 = new Outcome(UUID.randomUUID(), "KR-44", SelectionRules.RESERVE, 4,
                Map.of(2026, 5 * BN, 2027, 5 * BN), Map.of(), false);
        Outcome out = new Outcome(UUID.randomUUID(), "KR-45", SelectionRules.NOT_SELECTED, 5, Map.of(2026, BN),
                Map.of(), false);
        // Pool 15 bn: after the first leaves, 8 bn is free each year.
        List<Outcome> after = SelectionRules.afterWithdrawal(List.of(first, second, reserve2, reserve1, out),
                first.applicationId(), 15 * BN);
        assertEquals(SelectionRules.WITHDRAWN, after.get(0).decision());
        assertEquals(Map.of(), after.get(0).awardedCentralByYear());
        assertEquals(second, after.get(1));
        assertEquals(reserve2, after.get(2), "only the best reserve moves");
        Outcome promoted = after.get(3);
        assertEquals(SelectionRules.SELECTED, promoted.decision());
        assertEquals(Map.of(2026, 8 * BN, 2027, 5 * BN), promoted.awardedCentralByYear());
        assertTrue(promoted.reduced());
        assertEquals(out, after.get(4));

        // A reserve renouncing promotes nobody.
        List<Outcome> reserveGone = SelectionRules.afterWithdrawal(List.of(first, second, reserve1),
                reserve1.applicationId(), 15 * BN);
        assertEquals(List.of(SelectionRules.SELECTED, SelectionRules.SELECTED, SelectionRules.WITHDRAWN),
                reserveGone.stream().map(Outcome::decision).toList());
    }
}
