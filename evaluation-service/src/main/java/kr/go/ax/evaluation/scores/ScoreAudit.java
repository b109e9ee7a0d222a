package kr.go.ax.evaluation.scores;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An append-only record of a score sheet as it was after each change: {@code SCORED}, {@code CHANGED}, {@code VOIDED}. */
@Entity
@Table(name = "score_audit")
public class ScoreAudit {
    public static final String SCORED = "SCORED";
    public static final String CHANGED = "CHANGED";
    public static final String VOIDED = "VOIDED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "sheet_id", nullable = false)
    public UUID sheetId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Integer> scores;

    public String comment;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
