package kr.go.ax.common.events;

import java.util.Set;

/** CloudEvents {@code type} values: reverse-DNS, past tense, versioned so a breaking change gets a new type. */
public final class EventTypes {
    public static final String CALL_CREATED = "kr.go.ax.call.created.v1";
    public static final String CALL_UPDATED = "kr.go.ax.call.updated.v1";
    public static final String CALL_OPENED = "kr.go.ax.call.opened.v1";
    public static final String CALL_CLOSED = "kr.go.ax.call.closed.v1";
    public static final String CALL_DECIDED = "kr.go.ax.call.decided.v1";

    /** Data: {@link ApplicationSnapshot}; produced by applications-service on topic ax.applications. */
    public static final String APPLICATION_SUBMITTED = "kr.go.ax.application.submitted.v1";
    public static final String APPLICATION_REVISED = "kr.go.ax.application.revised.v1";
    public static final String APPLICATION_WITHDRAWN = "kr.go.ax.application.withdrawn.v1";
    public static final String APPLICATION_STATUS_CHANGED = "kr.go.ax.application.status-changed.v1";
    /** Data: {@link ProgressReported}; on ax.applications, keyed by application id. */
    public static final String PROGRESS_REPORTED = "kr.go.ax.application.progress-reported.v1";

    /** The types whose data is a {@link CallSnapshot}: every event of ax.calls. */
    public static final Set<String> CALL_SNAPSHOTS = Set.of(CALL_CREATED, CALL_UPDATED, CALL_OPENED, CALL_CLOSED,
            CALL_DECIDED);
    /** The types whose data is an {@link ApplicationSnapshot} (not the progress reports that share the topic). */
    public static final Set<String> APPLICATION_SNAPSHOTS = Set.of(APPLICATION_SUBMITTED, APPLICATION_REVISED,
            APPLICATION_WITHDRAWN, APPLICATION_STATUS_CHANGED);

    /** Data: {@link BudgetAssessed}; produced by budget-service on topic ax.budget, keyed by application id. */
    public static final String BUDGET_ASSESSED = "kr.go.ax.budget.assessed.v1";

    /** Fund ledger outcomes of selection decisions; produced by budget-service on ax.budget. */
    public static final String ALLOCATION_COMMITTED = "kr.go.ax.budget.allocation-committed.v1";
    public static final String ALLOCATION_REFUSED = "kr.go.ax.budget.allocation-refused.v1";
    public static final String ALLOCATION_RELEASED = "kr.go.ax.budget.allocation-released.v1";
    /** The local-government share of a selected application's spending fell below the call's minimum. */
    public static final String LOCAL_SHARE_DRIFT = "kr.go.ax.budget.local-share-drift.v1";

    /** Data: {@link EvaluationStarted}; produced by evaluation-service on ax.evaluation, keyed by application id. */
    public static final String EVALUATION_STARTED = "kr.go.ax.evaluation.started.v1";

    /** Data: {@link ApplicationDecided}; produced by evaluation-service on ax.evaluation, keyed by application id. */
    public static final String APPLICATION_DECIDED = "kr.go.ax.evaluation.decided.v1";

    /** Data: {@link SelectionDecided}; produced by evaluation-service on ax.evaluation, keyed by call id. */
    public static final String SELECTION_DECIDED = "kr.go.ax.evaluation.selection-decided.v1";

    /** Data: the appeal as it stands; produced by evaluation-service on ax.evaluation, keyed by application id. */
    public static final String APPEAL_FILED = "kr.go.ax.evaluation.appeal-filed.v1";
    public static final String APPEAL_RESOLVED = "kr.go.ax.evaluation.appeal-resolved.v1";

    private EventTypes() {
    }
}
