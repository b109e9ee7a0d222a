package kr.go.ax.applications.applications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A region's application to a call. What the region wrote is kept whole as {@link ApplicationContent}; the fields
 * the service decides (region, status, submission, verdict) are columns no request can set.
 */
@Entity
@Table(name = "application")
public class Application {
    @Id
    public UUID id;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ApplicationContent content;

    /** How many times it was submitted; a verdict names the submission it judged. */
    public int submission;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "content_sha256")
    public String contentSha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "budget_assessment")
    public BudgetAssessment budgetAssessment;

    @Column(name = "decision_rank")
    public Integer decisionRank;

    /** The version of the call's decision that set the status; null before the decision. */
    @Column(name = "decision_version")
    public Integer decisionVersion;

    @Version
    public long version;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** budget-service's verdict on the latest submission, as shown to the region. */
    @Schema(description = "budget-service's verdict on the latest submission against the call's co-financing rules")
    public record BudgetAssessment(
            @Schema(description = "APPROVED (the application became ELIGIBLE) or REJECTED (BUDGET_REJECTED)",
                    example = "REJECTED")
            String verdict,
            @Schema(description = "The submission the verdict judged", example = "1") int submission,
            @Schema(description = "The co-financing rules the budget breaks; empty when approved")
            java.util.List<Violation> violations,
            @Schema(description = "When budget-service assessed it (UTC)", example = "2026-03-09T14:12:07Z")
            Instant assessedAt) {
        @Schema(description = "One co-financing rule the budget breaks")
        public record Violation(
                @Schema(description = "Stable code of the broken rule", example = "LOCAL_GOVERNMENT_SHARE_TOO_LOW")
                String code,
                @Schema(description = "What the rule concerns: a fiscal year, the total or a budget field",
                        example = "fiscalYears[2026]")
                String field,
                @Schema(description = "The actual and required figures",
                        example = "local government 500,000,000 KRW is 10.00% of 5,000,000,000 KRW in fiscal year "
                                + "2026; at least 20.00% is required, i.e. at least 1,000,000,000 KRW")
                String message) {
        }
    }
}
