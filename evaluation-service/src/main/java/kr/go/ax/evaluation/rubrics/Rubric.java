package kr.go.ax.evaluation.rubrics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A call's own rubric; calls without one use {@link RubricContent#defaults()}. */
@Entity
@Table(name = "rubric")
public class Rubric {
    @Id
    @Column(name = "call_id")
    public UUID callId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public RubricContent content;

    @Version
    public long version;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
