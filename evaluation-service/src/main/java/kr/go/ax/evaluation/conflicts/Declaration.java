package kr.go.ax.evaluation.conflicts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An evaluator's signed conflict-of-interest declaration for one application; declaring a conflict recuses (회피). */
@Entity
@Table(name = "coi_declaration")
public class Declaration {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "evaluator_id", nullable = false)
    public UUID evaluatorId;

    @Column(nullable = false)
    public boolean conflict;

    @Column(nullable = false)
    public String statement;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;
}
