package kr.go.ax.applications.applications;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** Whether the region already holds an active application for the call, other than {@code except}. */
    public boolean hasOtherActive(UUID callId, String regionCode, UUID except) {
        return count("callId = ?1 and regionCode = ?2 and id <> ?3 and status in ?4", callId, regionCode, except,
                ApplicationStatus.ACTIVE) > 0;
    }
}
