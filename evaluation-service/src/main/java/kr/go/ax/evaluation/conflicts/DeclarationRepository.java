package kr.go.ax.evaluation.conflicts;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeclarationRepository implements PanacheRepository<Declaration> {
    /** Locks the evaluator's signed declaration for the application: their scoring of it goes one at a time. */
    public void lockFor(UUID applicationId, UUID evaluatorId) {
        find("applicationId = ?1 and evaluatorId = ?2", applicationId, evaluatorId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Declaration> of(UUID applicationId, UUID evaluatorId) {
        return find("applicationId = ?1 and evaluatorId = ?2", applicationId, evaluatorId).firstResultOptional();
    }
}
