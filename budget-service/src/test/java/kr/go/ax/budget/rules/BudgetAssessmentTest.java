package kr.go.ax.budget.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Boundary values on both sides of every threshold, with the 2026 call's rules (60% / 20% / 7 bn reference). */
class BudgetAssessmentTest {
    static final BudgetRules RULES = new BudgetRules(6000, 2000, 7_000_000_000L, List.of(2026, 2027));

    static BudgetAssessment.Result oneYear(long central, long local, long self) {
        return BudgetAssessment.assess(RULES, List.of(List.of(new BudgetLine(2026, central, local, self))));
    }

    static List<String> codes(BudgetAssessment.Result result) {
        return result.violations().stream().map(Violation::code).toList();
    }

    @Test
    void workedExampleExactlySixtyPercentPasses() {
        // 7,000,000,000 central at exactly 60% needs a total of at least 11,666,666,667.
        var result = oneYear(7_000_000_000L, 2_333_333_334L, 2_333_333_333L);
        assertEquals(11_666_666_667L, result.overall().totalKrw());
        assertTrue(result.valid(), () -> result.violations().toString());
        assertEquals(6000, result.years().get(0).centralShareBp());
    }

    @Test
    void oneWonShortOfTheTotalExceedsTheCentralShare() {
        var result = oneYear(7_000_000_000L, 2_333_333_334L, 2_333_333_332L);
        assertEquals(11_666_666_666L, result.overall().totalKrw());
        assertEquals(List.of("CENTRAL_SHARE_EXCEEDED", "CENTRAL_SHARE_EXCEEDED"), codes(result));
        Violation year = result.violations().get(0);
        assertEquals("fiscalYears[2026]", year.field());
        assertEquals(6000, year.requiredBp());
        assertTrue(year.message().contains("at most 6,999,999,999 KRW"), year.message());
        assertEquals("total", result.violations().get(1).field());
    }

    @Test
    void localGovernmentAtExactlyTwentyPercentPassesOneWonLessFails() {
        // total 10,000,000,000: local must be at least 2,000,000,000.
        assertTrue(oneYear(6_000_000_000L, 2_000_000_000L, 2_000_000_000L).valid());
        var result = oneYear(6_000_000_000L, 1_999_999_999L, 2_000_000_001L);
        assertEquals(List.of("LOCAL_GOVERNMENT_SHARE_TOO_LOW", "LOCAL_GOVERNMENT_SHARE_TOO_LOW"), codes(result));
        assertTrue(result.violations().get(0).message().contains("at least 2,000,000,000 KRW"));
        assertEquals(2000, result.violations().get(0).actualBp()); // 19.99999999% rounds to 20.00% for display
    }

    @Test
    void centralReferencePerYearIsInclusive() {
        assertTrue(oneYear(7_000_000_000L, 3_000_000_000L, 1_700_000_000L).valid());
        var result = oneYear(7_000_000_001L, 3_000_000_000L, 1_700_000_000L);
        assertEquals(List.of("CENTRAL_REFERENCE_EXCEEDED"), codes(result));
        assertEquals("fiscalYears[2026].centralKrw", result.violations().get(0).field());
    }

    @Test
    void sharesAreCheckedPerYearAndOverall() {
        // 2026 alone breaks the central share; 2027 compensates overall.
        var result = BudgetAssessment.assess(RULES, List.of(List.of(
                new BudgetLine(2026, 3_000_000_000L, 1_000_000_000L, 0L),
                new BudgetLine(2027, 1_000_000_000L, 2_000_000_000L, 1_000_000_000L))));
        assertEquals(List.of("CENTRAL_SHARE_EXCEEDED"), codes(result));
        assertEquals("fiscalYears[2026]", result.violations().get(0).field());
        assertEquals(7500, result.violations().get(0).actualBp());
        assertEquals(2, result.years().size());
        assertEquals(8_000_000_000L, result.overall().totalKrw());
    }

    @Test
    void yearsAreSummedAcrossProjects() {
        var result = BudgetAssessment.assess(RULES, List.of(
                List.of(new BudgetLine(2026, 4_000_000_000L, 1_000_000_000L, 1_000_000_000L)),
                List.of(new BudgetLine(2026, 4_000_000_000L, 1_000_000_000L, 1_000_000_000L))));
        assertEquals(8_000_000_000L, result.years().get(0).centralKrw());
        assertTrue(codes(result).contains("CENTRAL_REFERENCE_EXCEEDED"));
    }

    @Test
    void negativeAndAbsurdAmountsAndForeignYears() {
        var result = BudgetAssessment.assess(RULES, List.of(List.of(
                new BudgetLine(2026, -1L, 0L, 0L),
                new BudgetLine(2028, 1L, 1L, 1_000_000_000_001L))));
        assertEquals(List.of("NEGATIVE_AMOUNT", "AMOUNT_OUT_OF_RANGE", "FISCAL_YEAR_OUTSIDE_CALL"), codes(result));
        assertEquals("projects[0].budget[0].centralKrw", result.violations().get(0).field());
        assertEquals("projects[0].budget[1].selfContributionKrw", result.violations().get(1).field());
        assertEquals("projects[0].budget[1].fiscalYear", result.violations().get(2).field());
        assertFalse(result.valid());
    }

    @Test
    void emptyBudget() {
        assertEquals(List.of("EMPTY_BUDGET"), codes(oneYear(0, 0, 0)));
        assertEquals(List.of("EMPTY_BUDGET"), codes(BudgetAssessment.assess(RULES, List.of())));
    }

    @Test
    void largestAllowedBudgetCannotOverflow() {
        long max = kr.go.ax.common.money.Krw.MAX_AMOUNT;
        List<BudgetLine> lines = java.util.Collections.nCopies(10, new BudgetLine(2026, max, max, max));
        var result = BudgetAssessment.assess(new BudgetRules(6000, 2000, Long.MAX_VALUE, List.of()),
                java.util.Collections.nCopies(20, lines));
        assertEquals(600L * max, result.overall().totalKrw());
        assertEquals(3333, result.overall().centralShareBp());
        assertTrue(result.valid(), () -> result.violations().toString());
    }
}
