package kr.go.ax.evaluation.scores;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.go.ax.evaluation.rubrics.Stage;

@ApplicationScoped
public class ScoreSheetRepository implements PanacheRepositoryBase<ScoreSheet, UUID> {
    public Optional<ScoreSheet> active(UUID applicationId, UUID evaluatorId, Stage stage) {
        return find("applicationId = ?1 and evaluatorId = ?2 and stage = ?3 and voidedAt is null", applicationId,
                evaluatorId, stage).firstResultOptional();
    }

    /** The sheets that count, in a stable order (the order is part of a decision's recorded inputs). */
    public List<ScoreSheet> activeFor(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        return list("applicationId in ?1 and voidedAt is null", Sort.ascending("applicationId", "stage", "id"),
                applicationIds);
    }

    public List<ScoreSheet> allFor(UUID applicationId) {
        return list("applicationId", Sort.ascending("stage", "createdAt", "id"), applicationId);
    }
}
