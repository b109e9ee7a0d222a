package kr.go.ax.applications.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A programme call (공모): when regions may apply, how many are selected, and the money rules that bind them. */
@Entity
@Table(name = "programme_call")
public class Call {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallStatus status;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fiscal_years", nullable = false)
    public List<Integer> fiscalYears;

    public int slots;

    @Column(name = "reserve_slots")
    public int reserveSlots;

    @Column(name = "central_pool_per_year_krw")
    public long centralPoolPerYearKrw;

    @Column(name = "central_reference_per_region_per_year_krw")
    public long centralReferencePerRegionPerYearKrw;

    @Column(name = "central_share_max_bp")
    public int centralShareMaxBp;

    @Column(name = "local_government_share_min_bp")
    public int localGovernmentShareMinBp;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "excluded_regions", nullable = false)
    public List<String> excludedRegions;

    @Column(name = "document_weight_pct")
    public int documentWeightPct;

    @Column(name = "presentation_weight_pct")
    public int presentationWeightPct;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
