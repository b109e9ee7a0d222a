package kr.go.ax.gateway.apikeys;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import kr.go.ax.gateway.auth.ApiKeys;

/** Makes, rotates and revokes API keys; each change is in effect on this instance when the call returns. */
@ApplicationScoped
public class ApiKeyService {
    /** Keys read {@code axk_} + 43 characters: 256 random bits, URL-safe. */
    static final String PREFIX = "axk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final ApiKeys resolver;

    public ApiKeyService(ApiKeyRepository keys, ApiKeys resolver) {
        this.keys = keys;
        this.resolver = resolver;
    }

    /** A key with its secret, which exists only in this answer. */
    public record Issued(ApiKey key, String secret) {
    }

    public Issued create(String name, List<String> roles, String regionCode, String actor) {
        String secret = newSecret();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = name;
        key.roles = List.copyOf(roles);
        key.regionCode = regionCode;
        key.createdBy = actor;
        key.createdAt = Instant.now();
        setSecret(key, secret);
        QuarkusTransaction.requiringNew().run(() -> keys.persist(key));
        resolver.reload();
        return new Issued(key, secret);
    }

    public Issued rotate(ApiKey key) {
        String secret = newSecret();
        update(key.id, k -> {
            setSecret(k, secret);
            k.rotatedAt = Instant.now();
        });
        resolver.reload();
        return new Issued(QuarkusTransaction.requiringNew().call(() -> keys.findById(key.id)), secret);
    }

    public void revoke(ApiKey key, String actor) {
        update(key.id, k -> {
            k.revokedAt = Instant.now();
            k.revokedBy = actor;
        });
        resolver.reload();
    }

    private void update(UUID id, java.util.function.Consumer<ApiKey> change) {
        QuarkusTransaction.requiringNew().run(() ->
                change.accept(keys.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)));
    }

    private static void setSecret(ApiKey key, String secret) {
        key.keyHash = ApiKeys.hash(secret);
        key.keyPrefix = secret.substring(0, PREFIX.length() + 6);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
