package kr.go.ax.evaluation.scores;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScoreAuditRepository implements PanacheRepository<ScoreAudit> {
    public List<ScoreAudit> of(UUID applicationId) {
        return list("applicationId", Sort.ascending("id"), applicationId);
    }
}
