package kr.go.ax.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * budget-service's verdict on one submission of an application. {@code submission} names which submission was
 * assessed, so a verdict on an older submission is recognised as stale.
 */
public record BudgetAssessed(UUID applicationId, UUID callId, int submission, String verdict,
        List<Violation> violations, Instant assessedAt) {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    public record Violation(String code, String field, String message) {
    }
}
