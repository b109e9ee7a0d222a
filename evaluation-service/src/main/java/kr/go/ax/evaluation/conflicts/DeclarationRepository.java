package kr.go.ax.evaluation.conflicts;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeclarationRepository implements PanacheRepository<Declaration> {
    public Optional<Declaration> of(UUID applicationId, UUID evaluatorId) {
        return find("applicationId = ?1 and evaluatorId = ?2", applicationId, evaluatorId).firstResultOptional();
    }
}
