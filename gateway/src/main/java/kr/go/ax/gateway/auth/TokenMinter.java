package kr.go.ax.gateway.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import kr.go.ax.gateway.GatewayConfig;

/**
 * Mints the short-lived RS256 token that tells a service who is calling. Signing costs about a millisecond, so a
 * token is reused for half its lifetime.
 */
@ApplicationScoped
public class TokenMinter {
    static final String AUDIENCE = "ax-services";

    private final GatewayConfig config;
    private final ConcurrentHashMap<ClientIdentity, CachedToken> cache = new ConcurrentHashMap<>();

    private record CachedToken(String token, long renewAtNanos) {
    }

    public TokenMinter(GatewayConfig config) {
        this.config = config;
    }

    public String tokenFor(ClientIdentity identity) {
        long now = System.nanoTime();
        CachedToken cached = cache.get(identity);
        if (cached != null && now < cached.renewAtNanos()) {
            return cached.token();
        }
        Duration lifetime = config.identity().tokenLifetime();
        JwtClaimsBuilder claims = Jwt.issuer(config.identity().issuer())
                .audience(AUDIENCE)
                .subject(identity.subject())
                .groups(identity.roles())
                .expiresIn(lifetime);
        if (identity.region() != null) {
            claims.claim("region", identity.region());
        }
        String token = claims.sign();
        cache.put(identity, new CachedToken(token, now + lifetime.toNanos() / 2));
        return token;
    }
}
