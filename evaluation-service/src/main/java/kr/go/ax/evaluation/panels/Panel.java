package kr.go.ax.evaluation.panels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The evaluators appointed to a call's committee. */
@Entity
@Table(name = "panel")
public class Panel {
    @Id
    @Column(name = "call_id")
    public UUID callId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evaluator_ids", nullable = false)
    public List<UUID> evaluatorIds;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
