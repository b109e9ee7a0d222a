package kr.go.ax.applications.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A stored period report")
public record ProgressReportView(
        @Schema(example = "8b0d1f6e-2c4a-4e59-9f3b-1a2b3c4d5e6f") UUID id,
        @Schema(example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c") UUID applicationId,
        @Schema(example = "5d2e7a10-9c1b-4f3e-8a6d-0b1c2d3e4f50") UUID callId,
        @Schema(example = "KR-26") String regionCode,
        @Schema(example = "busan-2026-07") String externalId,
        @Schema(example = "2026-07") String period,
        @Schema(example = "2026-07-01") LocalDate periodStart,
        @Schema(example = "2026-07-31") LocalDate periodEnd,
        @Schema(example = "12") int smesSupported,
        @Schema(example = "3") int solutionsDeployed,
        @Schema(example = "40") int traineesTrained,
        @Schema(example = "19.50") BigDecimal aiAdoptionPct,
        @Schema(example = "55.00") BigDecimal localVendorSharePct,
        @Schema(example = "4") int jobsCreated,
        @Schema(example = "false") boolean correction,
        String narrative,
        List<ProgressReportInput.Milestone> milestones,
        @Schema(description = "1 when first stored, +1 for each change", example = "1") int revision,
        @Schema(example = "2026-08-03T01:15:00Z") Instant createdAt,
        @Schema(example = "2026-08-03T01:15:00Z") Instant updatedAt) {

    static ProgressReportView of(ProgressReport r) {
        return new ProgressReportView(r.id, r.applicationId, r.callId, r.regionCode, r.externalId, r.period,
                r.periodStart, r.periodEnd, r.smesSupported, r.solutionsDeployed, r.traineesTrained, r.aiAdoptionPct,
                r.localVendorSharePct, r.jobsCreated, r.correction, r.narrative, r.milestones, r.revision,
                r.createdAt, r.updatedAt);
    }
}
