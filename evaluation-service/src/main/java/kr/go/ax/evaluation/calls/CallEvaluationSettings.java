package kr.go.ax.evaluation.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** evaluation-service's copy of what it needs from a call: its stage weights, slots and status. */
@Entity
@Table(name = "call_evaluation_settings")
public class CallEvaluationSettings {
    @Id
    @Column(name = "call_id")
    public UUID callId;

    @Column(nullable = false)
    public String code;

    @Column(name = "call_status", nullable = false)
    public String callStatus;

    public int slots;

    @Column(name = "reserve_slots")
    public int reserveSlots;

    @Column(name = "document_weight_pct")
    public int documentWeightPct;

    @Column(name = "presentation_weight_pct")
    public int presentationWeightPct;

    @Column(name = "central_pool_per_year_krw")
    public long centralPoolPerYearKrw;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "fiscal_years", nullable = false)
    public java.util.List<Integer> fiscalYears = new java.util.ArrayList<>();

    @Column(name = "call_version")
    public long callVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
