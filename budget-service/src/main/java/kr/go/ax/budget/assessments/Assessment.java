package kr.go.ax.budget.assessments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.go.ax.budget.rules.Totals;
import kr.go.ax.budget.rules.Violation;
import kr.go.ax.common.events.ApplicationSnapshot;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored verdict on one submission of an application: input, rules version, verdict, violations. */
@Entity
@Table(name = "budget_assessment")
public class Assessment {
    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public int submission;

    /** The version of the call's rules the budget was judged by. */
    @Column(name = "rules_version", nullable = false)
    public long rulesVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ApplicationSnapshot.Project> input;

    @Column(nullable = false)
    public String verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Violation> violations;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "year_totals", nullable = false)
    public List<Totals> yearTotals;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "overall_totals", nullable = false)
    public Totals overallTotals;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;
}
