package kr.go.ax.evaluation.evaluators;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EvaluatorRepository implements PanacheRepositoryBase<Evaluator, UUID> {
    public Optional<Evaluator> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
