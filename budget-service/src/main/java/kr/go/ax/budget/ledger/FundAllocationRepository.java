package kr.go.ax.budget.ledger;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FundAllocationRepository implements PanacheRepositoryBase<FundAllocation, UUID> {
    public List<FundAllocation> ofCall(UUID callId) {
        return list("callId", Sort.ascending("decidedAt").and("applicationId"), callId);
    }
}
