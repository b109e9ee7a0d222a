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
    public record BudgetAssessment(String verdict, int submission, java.util.List<Violation> violations,
            Instant assessedAt) {
        public record Violation(String code, String field, String message) {
        }
    }
}
