package kr.go.ax.evaluation.decisions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SelectionDecisionRepository implements PanacheRepositoryBase<SelectionDecision, SelectionDecision.Key> {
    public Optional<SelectionDecision> latest(UUID callId) {
        return find("key.callId", Sort.descending("key.version"), callId).firstResultOptional();
    }

    public Optional<SelectionDecision> first(UUID callId) {
        return find("key.callId", Sort.ascending("key.version"), callId).firstResultOptional();
    }

    public Optional<SelectionDecision> version(UUID callId, int version) {
        return findByIdOptional(new SelectionDecision.Key(callId, version));
    }

    public List<SelectionDecision> all(UUID callId) {
        return list("key.callId", Sort.ascending("key.version"), callId);
    }
}
