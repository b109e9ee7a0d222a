package kr.go.ax.applications.progress;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {
    public List<ProgressReport> ofApplications(Collection<UUID> applicationIds) {
        return list("applicationId in ?1 order by periodEnd, periodStart", applicationIds);
    }

    public List<ProgressReport> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by periodEnd, periodStart", applicationId);
    }

    public List<ProgressReport> ofCall(UUID callId) {
        return list("callId = ?1 order by regionCode, periodEnd, periodStart", callId);
    }
}
