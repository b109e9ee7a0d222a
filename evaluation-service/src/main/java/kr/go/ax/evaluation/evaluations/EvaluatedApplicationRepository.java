package kr.go.ax.evaluation.evaluations;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvaluatedApplicationRepository implements PanacheRepositoryBase<EvaluatedApplication, UUID> {
    /** Eligible applications of the call that have not entered evaluation yet, oldest submission first. */
    public List<EvaluatedApplication> eligibleNotStarted(UUID callId) {
        return list("callId = ?1 and applicationStatus = 'ELIGIBLE' and evaluationStartedAt is null",
                Sort.ascending("submittedAt").and("applicationId"), callId);
    }
}
