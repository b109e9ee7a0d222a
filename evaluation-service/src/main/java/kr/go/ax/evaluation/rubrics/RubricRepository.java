package kr.go.ax.evaluation.rubrics;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RubricRepository implements PanacheRepositoryBase<Rubric, UUID> {
    /** The call's rubric, or the default one. */
    public RubricContent effective(UUID callId) {
        return findByIdOptional(callId).map(r -> r.content).orElseGet(RubricContent::defaults);
    }
}
