package kr.go.ax.budget.calls;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CallFundingRulesRepository implements PanacheRepositoryBase<CallFundingRules, UUID> {
}
