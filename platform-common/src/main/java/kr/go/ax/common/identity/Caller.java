package kr.go.ax.common.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the gateway-signed token that each service verifies itself. No other header is trusted
 * for identity.
 */
@RequestScoped
public class Caller {
    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** The caller's region code, present only for region callers. */
    public Optional<String> region() {
        return Optional.ofNullable(token.<String>getClaim(Roles.REGION_CLAIM));
    }

    /** The region a region caller acts for; anyone else is refused with 403. */
    public String requireRegion() {
        return region().filter(r -> is(Roles.REGION))
                .orElseThrow(() -> ProblemException.forbidden("Only a region may do this, for its own region"));
    }

    /**
     * Whether the caller is the region that owns data of {@code regionCode}. Services answer 404, not 403, when a
     * region reaches for another region's data, so its existence is not disclosed.
     */
    public boolean ownsRegion(String regionCode) {
        return is(Roles.REGION) && region().map(r -> r.equals(regionCode)).orElse(false);
    }
}
