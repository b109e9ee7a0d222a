package kr.go.ax.applications.applications;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApplicationTransitionRepository implements PanacheRepository<ApplicationTransition> {
    public List<ApplicationTransition> history(UUID applicationId) {
        return list("applicationId", Sort.ascending("id"), applicationId);
    }
}
