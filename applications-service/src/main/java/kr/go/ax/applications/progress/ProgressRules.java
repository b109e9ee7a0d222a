package kr.go.ax.applications.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import kr.go.ax.common.bulk.LineError;

/**
 * The checks of a period report against its application and the reports already stored: the period lies in the
 * call's fiscal years and has begun; milestones name the application's projects, once each, with a completion date
 * exactly when DONE; cumulative counters never go down over time unless the report is a correction.
 */
final class ProgressRules {
    /** A cumulative counter: its JSON name and how to read it from a report sent and a report stored. */
    enum Counter {
        SMES_SUPPORTED("smesSupported", ProgressReportInput::smesSupported, r -> r.smesSupported),
        SOLUTIONS_DEPLOYED("solutionsDeployed", ProgressReportInput::solutionsDeployed, r -> r.solutionsDeployed),
        TRAINEES_TRAINED("traineesTrained", ProgressReportInput::traineesTrained, r -> r.traineesTrained),
        JOBS_CREATED("jobsCreated", ProgressReportInput::jobsCreated, r -> r.jobsCreated);

        final String field;
        final ToIntFunction<ProgressReportInput> sent;
        final ToIntFunction<ProgressReport> stored;

        Counter(String field, ToIntFunction<ProgressReportInput> sent, ToIntFunction<ProgressReport> stored) {
            this.field = field;
            this.sent = sent;
            this.stored = stored;
        }
    }

    private ProgressRules() {
    }

    /**
     * Every rule the report breaks; empty when it may be stored.
     *
     * @param others the application's stored reports of other periods
     */
    static List<LineError> check(ProgressReportInput in, Period period, List<Integer> fiscalYears, int projects,
            LocalDate today, List<ProgressReport> others) {
        List<LineError> errors = new ArrayList<>();
        if (!fiscalYears.contains(period.year())) {
            errors.add(new LineError("period", "PERIOD_OUTSIDE_CALL", "period " + period.code()
                    + " is outside the call's fiscal years " + fiscalYears));
        }
        if (period.start().isAfter(today)) {
            errors.add(new LineError("period", "PERIOD_IN_FUTURE", "period " + period.code() + " begins on "
                    + period.start() + ", after today (" + today + ", UTC)"));
        }
        checkMilestones(in, projects, today, errors);
        if (!in.isCorrection()) {
            checkCounters(in, period, others, errors);
        }
        return errors;
    }

    private static void checkMilestones(ProgressReportInput in, int projects, LocalDate today,
            List<LineError> errors) {
        Set<Integer> seen = new HashSet<>();
        List<ProgressReportInput.Milestone> milestones = in.milestonesOrEmpty();
        for (int i = 0; i < milestones.size(); i++) {
            ProgressReportInput.Milestone m = milestones.get(i);
            String at = "milestones[" + i + "]";
            if (m.projectIndex() >= projects) {
                errors.add(new LineError(at + ".projectIndex", "UNKNOWN_PROJECT", "the application has " + projects
                        + " project(s), numbered from 0; there is no project " + m.projectIndex()));
            } else if (!seen.add(m.projectIndex())) {
                errors.add(new LineError(at + ".projectIndex", "DUPLICATE_PROJECT", "project " + m.projectIndex()
                        + " is reported more than once"));
            }
            boolean done = m.status() == ProgressReportInput.MilestoneStatus.DONE;
            if (done && m.completedOn() == null) {
                errors.add(new LineError(at + ".completedOn", "COMPLETION_DATE_REQUIRED",
                        "a DONE project needs its completion date"));
            } else if (!done && m.completedOn() != null) {
                errors.add(new LineError(at + ".completedOn", "COMPLETION_DATE_NOT_ALLOWED",
                        "only a DONE project has a completion date; this one is " + m.status()));
            } else if (done && m.completedOn().isAfter(today)) {
                errors.add(new LineError(at + ".completedOn", "COMPLETION_IN_FUTURE", "completion date "
                        + m.completedOn() + " is after today (" + today + ", UTC)"));
            }
        }
    }

    /** Cumulative: not below any earlier period's figure, not above any later period's. */
    private static void checkCounters(ProgressReportInput in, Period period, List<ProgressReport> others,
            List<LineError> errors) {
        for (Counter counter : Counter.values()) {
            int value = counter.sent.applyAsInt(in);
            for (ProgressReport other : others) {
                int stored = counter.stored.applyAsInt(other);
                if (other.periodEnd.isBefore(period.end()) && value < stored) {
                    errors.add(new LineError(counter.field, "COUNTER_DECREASED", counter.field + " is cumulative: "
                            + value + " is below the " + stored + " reported for " + other.period
                            + "; send it with \"correction\": true to lower it"));
                    break;
                }
                if (other.periodEnd.isAfter(period.end()) && value > stored) {
                    errors.add(new LineError(counter.field, "COUNTER_DECREASED", counter.field + " is cumulative: "
                            + value + " is above the " + stored + " already reported for the later period "
                            + other.period + ", which would then go down; send it with \"correction\": true"));
                    break;
                }
            }
        }
    }
}
