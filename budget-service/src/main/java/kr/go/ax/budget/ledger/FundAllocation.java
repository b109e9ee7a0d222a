package kr.go.ax.budget.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a selection decision asked of the pools: committed whole, refused whole, or released after withdrawal. */
@Entity
@Table(name = "fund_allocation")
public class FundAllocation {
    public static final String COMMITTED = "COMMITTED";
    public static final String REFUSED = "REFUSED";
    public static final String RELEASED = "RELEASED";

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "central_by_year", nullable = false)
    public Map<Integer, Long> centralByYear;

    public String reason;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the local-government share of its spending is below the call's minimum (a warning). */
    @Column(name = "local_share_drift", nullable = false)
    public boolean localShareDrift;
}
