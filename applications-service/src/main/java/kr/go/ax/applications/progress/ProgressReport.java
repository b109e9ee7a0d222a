package kr.go.ax.applications.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored report of one application and period; a later report for the same period replaces its content. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {
    @Id
    public UUID id;
    @Column(name = "application_id", nullable = false)
    public UUID applicationId;
    @Column(name = "call_id", nullable = false)
    public UUID callId;
    @Column(name = "region_code", nullable = false)
    public String regionCode;
    @Column(nullable = false)
    public String period;
    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;
    @Column(name = "external_id", nullable = false)
    public String externalId;
    @Column(name = "smes_supported", nullable = false)
    public int smesSupported;
    @Column(name = "solutions_deployed", nullable = false)
    public int solutionsDeployed;
    @Column(name = "trainees_trained", nullable = false)
    public int traineesTrained;
    @Column(name = "ai_adoption_pct", nullable = false, precision = 5, scale = 2)
    public BigDecimal aiAdoptionPct;
    @Column(name = "local_vendor_share_pct", nullable = false, precision = 5, scale = 2)
    public BigDecimal localVendorSharePct;
    @Column(name = "jobs_created", nullable = false)
    public int jobsCreated;
    @Column(nullable = false)
    public boolean correction;
    public String narrative;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ProgressReportInput.Milestone> milestones;
    /** SHA-256 of the canonical JSON of what the region sent: the same content again is UNCHANGED. */
    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;
    /** 1 when first stored, +1 for each change. */
    @Column(nullable = false)
    public int revision;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
