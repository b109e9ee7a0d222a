package kr.go.ax.budget.calls;

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
 * budget-service's own copy of a call's co-financing rules, kept current from the call events of
 * applications-service. {@code callVersion} is the version of the call the copy reflects.
 */
@Entity
@Table(name = "call_funding_rules")
public class CallFundingRules {
    @Id
    @Column(name = "call_id")
    public UUID callId;

    @Column(nullable = false)
    public String code;

    @Column(name = "call_status", nullable = false)
    public String callStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fiscal_years", nullable = false)
    public List<Integer> fiscalYears;

    @Column(name = "central_pool_per_year_krw")
    public long centralPoolPerYearKrw;

    @Column(name = "central_reference_per_region_per_year_krw")
    public long centralReferencePerRegionPerYearKrw;

    @Column(name = "central_share_max_bp")
    public int centralShareMaxBp;

    @Column(name = "local_government_share_min_bp")
    public int localGovernmentShareMinBp;

    @Column(name = "call_version")
    public long callVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
