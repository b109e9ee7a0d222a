package kr.go.ax.evaluation.appeals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A region's appeal (이의신청) against the decision on its application, and how an admin resolved it. */
@Entity
@Table(name = "appeal")
public class Appeal {
    public enum Ground {
        EVALUATOR_ERROR, MISREADING, ADMINISTRATIVE_ERROR
    }

    public enum Status {
        FILED, UPHELD, DISMISSED
    }

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Ground ground;

    @Column(nullable = false)
    public String statement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    public String resolution;

    /** The score sheets an upheld appeal voided. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "voided_sheets", nullable = false)
    public List<UUID> voidedSheets = new ArrayList<>();

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
