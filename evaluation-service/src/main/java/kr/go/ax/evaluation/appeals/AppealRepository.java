package kr.go.ax.evaluation.appeals;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {
    public List<Appeal> of(UUID applicationId) {
        return list("applicationId", Sort.ascending("filedAt", "id"), applicationId);
    }

    public boolean pending(UUID applicationId) {
        return count("applicationId = ?1 and status = ?2", applicationId, Appeal.Status.FILED) > 0;
    }
}
