package kr.go.ax.budget.ledger;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FundPoolRepository implements PanacheRepositoryBase<FundPool, FundPool.Key> {
    /** The call's pools, locked in a fixed order so concurrent allocations cannot deadlock. */
    public List<FundPool> lockedForCall(UUID callId) {
        return find("key.callId", Sort.ascending("key.fiscalYear"), callId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<FundPool> ofCall(UUID callId) {
        return list("key.callId", Sort.ascending("key.fiscalYear"), callId);
    }
}
