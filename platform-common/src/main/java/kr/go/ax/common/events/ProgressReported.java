package kr.go.ax.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A selected application's period report was stored or changed (revision 1 when new). Carries the figures and the
 * milestone statuses, not the narrative. Produced by applications-service on ax.applications, keyed by application id.
 */
public record ProgressReported(UUID reportId, UUID applicationId, UUID callId, String regionCode, String period,
        LocalDate periodStart, LocalDate periodEnd, String externalId, int revision, boolean correction,
        int smesSupported, int solutionsDeployed, int traineesTrained, BigDecimal aiAdoptionPct,
        BigDecimal localVendorSharePct, int jobsCreated, List<Milestone> milestones, Instant reportedAt) {

    public record Milestone(int projectIndex, String status, LocalDate dueOn, LocalDate completedOn) {
    }
}
