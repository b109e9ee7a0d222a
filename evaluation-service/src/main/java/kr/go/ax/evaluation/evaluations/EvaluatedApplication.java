package kr.go.ax.evaluation.evaluations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * evaluation-service's copy of an application, from the events of applications-service: what conflict-of-interest
 * checks and ranking need, plus when it entered evaluation.
 */
@Entity
@Table(name = "evaluated_application")
public class EvaluatedApplication {
    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public String title;

    @Column(name = "lead_agency")
    public String leadAgency;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> partners;

    /** The status applications-service last reported. */
    @Column(name = "application_status", nullable = false)
    public String applicationStatus;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "snapshot_version", nullable = false)
    public long snapshotVersion;

    @Column(name = "evaluation_started_at")
    public Instant evaluationStartedAt;

    /** Central KRW requested per fiscal year, summed over the component projects: the most an award can be. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "requested_central_by_year", nullable = false)
    public java.util.Map<Integer, Long> requestedCentralByYear = new java.util.TreeMap<>();

    /** Set when an upheld appeal reopened this application's scoring after a decision. */
    @Column(name = "scoring_reopened_at")
    public Instant scoringReopenedAt;

    public boolean withdrawn() {
        return "WITHDRAWN".equals(applicationStatus);
    }
}
