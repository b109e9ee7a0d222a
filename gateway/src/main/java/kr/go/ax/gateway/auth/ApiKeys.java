package kr.go.ax.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.go.ax.gateway.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Resolves {@code X-API-Key} values to identities. Keys are held only as SHA-256 hashes, so the lookup never compares
 * secrets character by character. Demo keys exist only when the profile enables them (local runs and tests).
 */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    static final int DEMO_EVALUATORS = 5;

    private final Map<String, ClientIdentity> byHash = new HashMap<>();

    public ApiKeys(GatewayConfig config) {
        if (config.demoKeys().enabled()) {
            register("demo-admin", new ClientIdentity("admin", Set.of("admin"), null));
            register("demo-portal", new ClientIdentity("portal", Set.of("portal"), null));
            for (int i = 1; i <= DEMO_EVALUATORS; i++) {
                register("demo-evaluator-" + i, new ClientIdentity("evaluator-" + i, Set.of("evaluator"), null));
            }
            for (String region : config.demoKeys().regions()) {
                register("demo-region-" + region,
                        new ClientIdentity("region-" + region, Set.of("region"), region));
            }
            LOG.warnf("Demo API keys are enabled (%d keys): never enable them in a deployment", byHash.size());
        }
    }

    public Optional<ClientIdentity> resolve(String apiKey) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 256) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(apiKey)));
    }

    private void register(String key, ClientIdentity identity) {
        byHash.put(hash(key), identity);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
