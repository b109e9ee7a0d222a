package kr.go.ax.evaluation.calls;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CallEvaluationSettingsRepository implements PanacheRepositoryBase<CallEvaluationSettings, UUID> {
}
