package kr.go.ax.applications.applications;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * DRAFT → SUBMITTED → ELIGIBLE | BUDGET_REJECTED → UNDER_EVALUATION → SELECTED | RESERVE | NOT_SELECTED.
 * A BUDGET_REJECTED application may be revised and submitted again while the call is open; the region may withdraw
 * before the decision, and a SELECTED or RESERVE one may renounce (withdraw) after it.
 */
@Schema(description = "Lifecycle of an application: DRAFT -> SUBMITTED -> ELIGIBLE | BUDGET_REJECTED -> "
        + "UNDER_EVALUATION -> SELECTED | RESERVE | NOT_SELECTED, or WITHDRAWN by the region")
public enum ApplicationStatus {
    DRAFT, SUBMITTED, ELIGIBLE, BUDGET_REJECTED, UNDER_EVALUATION, SELECTED, RESERVE, NOT_SELECTED, WITHDRAWN;

    /** Statuses in which the region holds its one application for the call. */
    public static final Set<ApplicationStatus> ACTIVE = EnumSet.of(SUBMITTED, ELIGIBLE, BUDGET_REJECTED,
            UNDER_EVALUATION, SELECTED, RESERVE, NOT_SELECTED);

    public static final Set<ApplicationStatus> DECIDED = EnumSet.of(SELECTED, RESERVE, NOT_SELECTED);

    public boolean canMoveTo(ApplicationStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED || next == WITHDRAWN;
            case SUBMITTED -> next == ELIGIBLE || next == BUDGET_REJECTED || next == WITHDRAWN;
            case BUDGET_REJECTED -> next == SUBMITTED || next == WITHDRAWN;
            case ELIGIBLE -> next == UNDER_EVALUATION || next == WITHDRAWN;
            case UNDER_EVALUATION -> DECIDED.contains(next) || next == WITHDRAWN;
            // A selected or reserve region may still renounce; its money is released and a reserve is promoted.
            // A later decision version (promotion, re-decision after an appeal) may move any decided outcome.
            case SELECTED, RESERVE -> next == WITHDRAWN || DECIDED.contains(next) && next != this;
            case NOT_SELECTED -> next == SELECTED || next == RESERVE;
            case WITHDRAWN -> false;
        };
    }

    /** The region may change the content only before it is judged. */
    public boolean editable() {
        return this == DRAFT || this == BUDGET_REJECTED;
    }
}
