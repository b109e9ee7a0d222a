package kr.go.ax.evaluation.scores;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.evaluation.rubrics.Stage;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One evaluator's scores for one stage of one application; voided (never deleted) when an upheld appeal says so. */
@Entity
@Table(name = "score_sheet")
public class ScoreSheet {
    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "evaluator_id", nullable = false)
    public UUID evaluatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    /** Criterion code → whole points. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Integer> scores;

    public String comment;

    /** 1 when first scored, +1 with every change. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "void_reason")
    public String voidReason;
}
