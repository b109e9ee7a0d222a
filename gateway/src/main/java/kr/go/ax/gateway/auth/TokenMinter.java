package kr.go.ax.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Singleton;
import java.time.Duration;
import kr.go.ax.gateway.EventLoopCaches;
import kr.go.ax.gateway.GatewayConfig;

/**
 * Mints the short-lived RS256 token that tells a service who is calling. Signing costs about a millisecond, so a
 * token is reused for half its lifetime, and the proxy signs on a worker thread when {@link #cachedAuthorization} has
 * none. What is kept is the whole {@code Authorization} header value, so a request does not build a copy of the token.
 * At most {@value #MAX_CACHED} clients' tokens are kept.
 */
@Singleton // on every proxied request: no client proxy to go through
public class TokenMinter {
    static final String AUDIENCE = "ax-services";

    static final int MAX_CACHED = 100_000;

    private final GatewayConfig config;
    private final Cache<ClientIdentity, String> cache;

    public TokenMinter(GatewayConfig config) {
        this.config = config;
        this.cache = EventLoopCaches.newBuilder().maximumSize(MAX_CACHED)
                .expireAfterWrite(config.identity().tokenLifetime().dividedBy(2)).build();
    }

    /**
     * {@code Bearer <the client's current token>}, or null when one must be signed (off the event loop:
     * {@link #authorizationFor}).
     */
    public String cachedAuthorization(ClientIdentity identity) {
        return cache.getIfPresent(identity);
    }

    /** {@code Bearer <the client's current token>}, signed now if there is none. */
    public String authorizationFor(ClientIdentity identity) {
        String cached = cache.getIfPresent(identity);
        if (cached != null) {
            return cached;
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
        String authorization = "Bearer " + claims.sign();
        cache.put(identity, authorization);
        return authorization;
    }
}
