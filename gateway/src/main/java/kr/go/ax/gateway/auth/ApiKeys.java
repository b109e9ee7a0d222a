package kr.go.ax.gateway.auth;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.go.ax.gateway.GatewayConfig;
import kr.go.ax.gateway.apikeys.ApiKey;
import kr.go.ax.gateway.apikeys.ApiKeyRepository;
import org.jboss.logging.Logger;

/**
 * Resolves {@code X-API-Key} values to identities, on the event loop, from an in-memory map of key hashes. The map is
 * the demo keys (local and test profiles only) plus every unrevoked key in the database, reloaded at once after a
 * change made through this instance and, for changes made elsewhere, whenever the table's change counter ({@code
 * api_key_change}, moved by a trigger) has moved when polled every {@code ax.gateway.api-keys.refresh} (2 s). So a
 * revoked key stops working here immediately and on other instances within the refresh interval. Keys are held only
 * as SHA-256 hashes, so the lookup never compares secrets character by character.
 */
@Singleton // on every proxied request: no client proxy to go through
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    static final int DEMO_EVALUATORS = 5;

    private final Map<String, ClientIdentity> demoKeys = new HashMap<>();
    private final ApiKeyRepository store;
    private final AgroalDataSource database;
    private volatile Map<String, ClientIdentity> byHash = Map.of();
    /** The change counter's value read before the keys now in {@link #byHash} were; -1 before the first load. */
    private long loadedVersion = -1;

    public ApiKeys(GatewayConfig config, ApiKeyRepository store, AgroalDataSource database) {
        this.store = store;
        this.database = database;
        if (config.demoKeys().enabled()) {
            demo("demo-admin", new ClientIdentity("admin", Set.of("admin"), null));
            demo("demo-portal", new ClientIdentity("portal", Set.of("portal"), null));
            for (int i = 1; i <= DEMO_EVALUATORS; i++) {
                demo("demo-evaluator-" + i, new ClientIdentity("evaluator-" + i, Set.of("evaluator"), null));
            }
            for (String region : config.demoKeys().regions()) {
                demo("demo-region-" + region, new ClientIdentity("region-" + region, Set.of("region"), region));
            }
            LOG.warnf("Demo API keys are enabled (%d keys): never enable them in a deployment", demoKeys.size());
        }
        byHash = Map.copyOf(demoKeys);
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    @Scheduled(every = "${ax.gateway.api-keys.refresh:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledReload() {
        try {
            if (storedVersion() != loadedVersion()) {
                reload();
            }
        } catch (RuntimeException e) {
            // The keys loaded last keep working while the database is away.
            LOG.warnf("API keys not reloaded (the last loaded stay in use): %s", e.getMessage());
        }
    }

    /**
     * Reloads the stored keys; called after every change so it takes effect here at once. One reload at a time, so a
     * scheduled one that read the table before a revocation cannot overwrite the map built after it.
     */
    public synchronized void reload() {
        // The counter first: a change committed between the two reads then shows in the keys and moves the counter
        // past the value kept, so the next poll loads again; the other order could keep a stale set for good.
        long version = storedVersion();
        Map<String, ClientIdentity> next = new HashMap<>(demoKeys);
        for (ApiKey key : QuarkusTransaction.requiringNew().call(store::active)) {
            next.put(key.keyHash, new ClientIdentity(key.name, Set.copyOf(key.roles), key.regionCode));
        }
        byHash = Map.copyOf(next);
        loadedVersion = version;
    }

    private synchronized long loadedVersion() {
        return loadedVersion;
    }

    /** The change counter, with one plain query: no transaction or session to set up for a poll. */
    private long storedVersion() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version FROM api_key_change")) {
            if (!row.next()) {
                throw new IllegalStateException("api_key_change has no row");
            }
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("API key change counter not read: " + e.getMessage(), e);
        }
    }

    public Optional<ClientIdentity> resolve(String apiKey) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 256) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(apiKey)));
    }

    private void demo(String key, ClientIdentity identity) {
        demoKeys.put(hash(key), identity);
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a key. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String hash(String key) {
        return HexFormat.of().formatHex(SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
