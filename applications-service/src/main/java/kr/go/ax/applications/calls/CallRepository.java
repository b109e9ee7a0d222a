package kr.go.ax.applications.calls;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<Call, UUID> {
    public Optional<Call> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
