package kr.go.ax.evaluation.evaluators;

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
 * An expert of the evaluation committee. {@code subject} is the identity they log in with; their region and
 * institution decide the automatic conflict-of-interest exclusions.
 */
@Entity
@Table(name = "evaluator")
public class Evaluator {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String subject;

    @Column(nullable = false)
    public String name;

    @Column(name = "affiliation_region", nullable = false)
    public String affiliationRegion;

    @Column(nullable = false)
    public String institution;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> expertise;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
