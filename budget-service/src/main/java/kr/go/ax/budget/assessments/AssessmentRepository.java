package kr.go.ax.budget.assessments;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {
    public Optional<Assessment> latest(UUID applicationId) {
        return find("applicationId", Sort.descending("submission"), applicationId).firstResultOptional();
    }

    public boolean exists(UUID applicationId, int submission) {
        return count("applicationId = ?1 and submission = ?2", applicationId, submission) > 0;
    }
}
