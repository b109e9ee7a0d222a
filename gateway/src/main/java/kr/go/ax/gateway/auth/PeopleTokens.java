package kr.go.ax.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import kr.go.ax.gateway.EventLoopCaches;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens of people (administrators, evaluators) from the OpenID Connect provider: issuer and keys come from
 * {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey.location} (a JWKS URL in production). Roles are the
 * token's {@code groups}, the region its {@code region} claim. Verification may fetch keys, so it runs off the event
 * loop; a verified token is then remembered (by hash) until it expires, so later requests pass at once.
 */
@ApplicationScoped
public class PeopleTokens {
    /** Services see people as {@code oidc:<sub>}; evaluators are registered under that subject. */
    public static final String SUBJECT_PREFIX = "oidc:";
    private static final int MAX_REMEMBERED = 10_000;
    private static final Set<String> ROLES = Set.of("admin", "evaluator", "portal", "region");

    private record Verified(ClientIdentity identity, long expiresAtSeconds) {
    }

    private final JWTParser parser;
    private final Vertx vertx;
    private final boolean enabled;
    /** Verified tokens by hash, each dropped when it expires; the least recently used go first past the bound. */
    private final Cache<String, Verified> verified = EventLoopCaches.newBuilder().maximumSize(MAX_REMEMBERED)
            .expireAfter(Expiry.<String, Verified>creating((hash, v) -> java.time.Duration.ofSeconds(
                    Math.max(0, v.expiresAtSeconds() - System.currentTimeMillis() / 1000)))).build();

    public PeopleTokens(JWTParser parser, Vertx vertx, kr.go.ax.gateway.GatewayConfig config) {
        this.parser = parser;
        this.vertx = vertx;
        this.enabled = config.peopleTokens().enabled();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The identity of a token verified before and not expired yet. */
    public Optional<ClientIdentity> remembered(String token) {
        Verified v = verified.getIfPresent(hash(token));
        if (v == null || v.expiresAtSeconds() <= System.currentTimeMillis() / 1000) {
            return Optional.empty();
        }
        return Optional.of(v.identity());
    }

    /** Verifies signature, issuer and expiry on a worker thread; fails when the token is not acceptable. */
    public Future<ClientIdentity> verify(String token) {
        return vertx.executeBlocking(() -> {
            JsonWebToken jwt;
            try {
                jwt = parser.parse(token);
            } catch (ParseException e) {
                // Only the reason: the parser's own messages quote the token.
                throw new SecurityException("bearer token not accepted: " + e.getMessage());
            }
            Set<String> roles = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups().stream()
                    .filter(ROLES::contains).toList());
            if (roles.isEmpty()) {
                throw new SecurityException("bearer token carries none of the roles " + ROLES);
            }
            String region = jwt.getClaim("region");
            if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
                throw new SecurityException("bearer token has no subject");
            }
            // The provider's stable subject, in its own namespace: never mistaken for an API-key client's name.
            ClientIdentity identity = new ClientIdentity(SUBJECT_PREFIX + jwt.getSubject(), roles,
                    roles.contains("region") ? region : null);
            verified.put(hash(token), new Verified(identity, jwt.getExpirationTime()));
            return identity;
        }, false);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
