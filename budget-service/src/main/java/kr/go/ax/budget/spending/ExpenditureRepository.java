package kr.go.ax.budget.spending;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ExpenditureRepository implements PanacheRepositoryBase<Expenditure, UUID> {

    /** Spent so far per fiscal year and source: rows of {fiscalYear, source, sum}. */
    public List<Object[]> totals(UUID applicationId) {
        return getEntityManager().createQuery("""
                SELECT e.fiscalYear, e.source, SUM(e.amountKrw) FROM Expenditure e
                WHERE e.applicationId = :id GROUP BY e.fiscalYear, e.source""", Object[].class)
                .setParameter("id", applicationId)
                .getResultList();
    }

    public Set<String> knownExternalIds(UUID applicationId, List<String> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager().createQuery("""
                SELECT e.externalId FROM Expenditure e
                WHERE e.applicationId = :id AND e.externalId IN :ids""", String.class)
                .setParameter("id", applicationId)
                .setParameter("ids", candidates)
                .getResultList());
    }
}
