package kr.go.ax.applications.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import kr.go.ax.applications.progress.ProgressReportInput.Milestone;
import kr.go.ax.applications.progress.ProgressReportInput.MilestoneStatus;
import kr.go.ax.common.bulk.LineError;
import org.junit.jupiter.api.Test;

class ProgressRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final List<Integer> YEARS = List.of(2026, 2027);

    static ProgressReportInput report(String period, int smes, boolean correction, List<Milestone> milestones) {
        return new ProgressReportInput(null, "ext-" + period, period, smes, 3, 40, new BigDecimal("19.5"),
                new BigDecimal("55.0"), 4, correction, null, milestones);
    }

    static ProgressReport stored(String period, int smes) {
        Period p = Period.parse(period).orElseThrow();
        ProgressReport r = new ProgressReport();
        r.period = period;
        r.periodStart = p.start();
        r.periodEnd = p.end();
        r.externalId = "ext-" + period;
        r.smesSupported = smes;
        r.solutionsDeployed = 3;
        r.traineesTrained = 40;
        r.jobsCreated = 4;
        return r;
    }

    static List<String> codes(List<LineError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    static List<LineError> check(ProgressReportInput in, List<ProgressReport> others) {
        return ProgressRules.check(in, Period.parse(in.period()).orElseThrow(), YEARS, 2, TODAY, others);
    }

    @Test
    void periodsAreMonthsOrQuarters() {
        assertEquals(LocalDate.of(2026, 7, 1), Period.parse("2026-07").orElseThrow().start());
        assertEquals(LocalDate.of(2026, 2, 28), Period.parse("2026-02").orElseThrow().end());
        Period q3 = Period.parse("2026-Q3").orElseThrow();
        assertEquals(LocalDate.of(2026, 7, 1), q3.start());
        assertEquals(LocalDate.of(2026, 9, 30), q3.end());
        assertEquals(LocalDate.of(2028, 2, 29), Period.parse("2028-02").orElseThrow().end(), "leap year");
        for (String bad : List.of("2026-13", "2026-00", "2026-7", "2026-Q5", "2026-q3", "26-07", "2026-07-01", "")) {
            assertTrue(Period.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void periodInsideTheCallsFiscalYearsAndBegun() {
        assertEquals(List.of(), codes(check(report("2026-11", 10, false, null), List.of())), "this month");
        assertEquals(List.of("period:PERIOD_OUTSIDE_CALL"), codes(check(report("2025-12", 10, false, null),
                List.of())));
        assertEquals(List.of("period:PERIOD_IN_FUTURE"), codes(check(report("2026-12", 10, false, null),
                List.of())));
        assertEquals(List.of("period:PERIOD_OUTSIDE_CALL", "period:PERIOD_IN_FUTURE"),
                codes(check(report("2028-01", 10, false, null), List.of())));
    }

    @Test
    void cumulativeCountersNeverGoDownUnlessCorrected() {
        List<ProgressReport> stored = List.of(stored("2026-07", 12), stored("2026-09", 20));
        assertEquals(List.of(), codes(check(report("2026-08", 12, false, null), stored)), "equal is fine");
        assertEquals(List.of(), codes(check(report("2026-08", 20, false, null), stored)));
        assertEquals(List.of("smesSupported:COUNTER_DECREASED"),
                codes(check(report("2026-08", 11, false, null), stored)), "below July");
        assertEquals(List.of("smesSupported:COUNTER_DECREASED"),
                codes(check(report("2026-08", 21, false, null), stored)), "September would go down");
        assertEquals(List.of(), codes(check(report("2026-08", 5, true, null), stored)), "a correction may");
        List<LineError> errors = check(report("2026-10", 19, false, null), stored);
        assertTrue(errors.get(0).message().contains("19 is below the 20 reported for 2026-09"),
                errors.get(0).message());
    }

    @Test
    void milestonesNameTheApplicationsProjectsWithCompletionDatesWhenDone() {
        LocalDate due = LocalDate.of(2026, 9, 30);
        List<Milestone> milestones = List.of(
                new Milestone(0, MilestoneStatus.DONE, due, LocalDate.of(2026, 9, 12)),
                new Milestone(1, MilestoneStatus.ON_TRACK, due, null),
                new Milestone(1, MilestoneStatus.DELAYED, due, null),
                new Milestone(2, MilestoneStatus.PLANNED, due, null),
                new Milestone(0, MilestoneStatus.DONE, due, null),
                new Milestone(1, MilestoneStatus.PLANNED, due, LocalDate.of(2026, 9, 1)),
                new Milestone(0, MilestoneStatus.DONE, due, LocalDate.of(2026, 12, 1)));
        assertEquals(List.of("milestones[2].projectIndex:DUPLICATE_PROJECT",
                "milestones[3].projectIndex:UNKNOWN_PROJECT",
                "milestones[4].projectIndex:DUPLICATE_PROJECT",
                "milestones[4].completedOn:COMPLETION_DATE_REQUIRED",
                "milestones[5].projectIndex:DUPLICATE_PROJECT",
                "milestones[5].completedOn:COMPLETION_DATE_NOT_ALLOWED",
                "milestones[6].projectIndex:DUPLICATE_PROJECT",
                "milestones[6].completedOn:COMPLETION_IN_FUTURE"),
                codes(check(report("2026-09", 10, false, milestones), List.of())));
    }
}
