package kr.go.ax.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.common.web.CanonicalJson;

/**
 * {@code Idempotency-Key} with Stripe's semantics, per caller: the first request with a key runs and its response is
 * stored in the same transaction as its effect; the same key with the same body replays that response; the same key
 * with another body is 422; a request while the first is still running is 409. A crash before the commit leaves no
 * record, so a retry runs afresh. Records are kept {@link #RETENTION}.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(48);
    /** A streamed request's claim older than this was left by a crash. */
    static final Duration CLAIM_EXPIRY = Duration.ofMinutes(10);
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag");

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public Idempotency(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /**
     * Runs {@code action} at most once per caller and key.
     *
     * @param key     the Idempotency-Key header, or null to run without it
     * @param request the parsed body (or any value describing the request), fingerprinted with method and path
     */
    @Transactional
    public Response execute(String key, String caller, String method, String path, Object request,
            Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        checkFormat(key);
        // Same content, same fingerprint: property and map order do not matter.
        String fingerprint = CanonicalJson.sha256(method + " " + path + "\n", request);
        boolean locked = (Boolean) entityManager
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, caller + "\n" + key)
                .getSingleResult();
        if (!locked) {
            throw ProblemException.conflict("IDEMPOTENCY_KEY_IN_USE",
                    "A request with this Idempotency-Key is still being processed; retry when it has finished");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> stored = entityManager.createNativeQuery("""
                SELECT fingerprint, response_status, CAST(response_headers AS text), response_body
                FROM idempotency_record WHERE caller = ?1 AND idem_key = ?2""")
                .setParameter(1, caller)
                .setParameter(2, key)
                .getResultList();
        if (!stored.isEmpty()) {
            Object[] row = stored.get(0);
            if (!fingerprint.equals(row[0])) {
                throw reused();
            }
            return replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
        }
        Response response = action.get();
        entityManager.createNativeQuery("""
                INSERT INTO idempotency_record (caller, idem_key, fingerprint, response_status, response_headers,
                                                response_body)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6)""")
                .setParameter(1, caller)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, response.getStatus())
                .setParameter(5, toJson(keptHeaders(response)))
                .setParameter(6, response.hasEntity() ? toJson(response.getEntity()) : null)
                .executeUpdate();
        return response;
    }

    /** The work of a request whose body is read as a stream. */
    @FunctionalInterface
    public interface StreamAction {
        Response run(InputStream body) throws IOException;
    }

    /**
     * {@code Idempotency-Key} for a body read as a stream (bulk uploads, stored in many transactions). The key is
     * claimed first (a row without an answer), the body is fingerprinted as it is read, and the answer is stored at
     * the end. The same key and body again replay the stored answer (the body is read to fingerprint it, not
     * applied); another body is 422; while the first still runs, 409. A claim left by a crash is taken over after
     * {@link #CLAIM_EXPIRY}; a request that fails leaves no claim.
     */
    public Response executeStreaming(String key, String caller, String method, String path, InputStream body,
            StreamAction action) throws IOException {
        if (key == null) {
            return action.run(body);
        }
        checkFormat(key);
        MessageDigest digest = sha256();
        digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        if (!claim(caller, key)) {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> stored(caller, key));
            if (row == null || ((Number) row[1]).intValue() == 0) {
                throw ProblemException.conflict("IDEMPOTENCY_KEY_IN_USE",
                        "A request with this Idempotency-Key is still being processed; retry when it has finished");
            }
            try (DigestInputStream in = new DigestInputStream(body, digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(row[0])) {
                throw reused();
            }
            return replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
        }
        Response response;
        try (DigestInputStream in = new DigestInputStream(body, digest)) {
            // The action may close what it reads; the rest is still read here, so the fingerprint covers it all.
            response = action.run(new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                }
            });
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException | Error e) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "DELETE FROM idempotency_record WHERE caller = ?1 AND idem_key = ?2 AND response_status = 0")
                    .setParameter(1, caller).setParameter(2, key).executeUpdate());
            throw e;
        }
        String fingerprint = HexFormat.of().formatHex(digest.digest());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE idempotency_record SET fingerprint = ?3, response_status = ?4,
                       response_headers = CAST(?5 AS jsonb), response_body = ?6, created_at = now()
                WHERE caller = ?1 AND idem_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, response.getStatus()).setParameter(5, toJson(keptHeaders(response)))
                .setParameter(6, response.hasEntity() ? toJson(response.getEntity()) : null)
                .executeUpdate());
        return response;
    }

    /** Inserts the claim row, or takes over one a crashed request left; false when someone holds the key. */
    private boolean claim(String caller, String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = entityManager.createNativeQuery("""
                    INSERT INTO idempotency_record (caller, idem_key, fingerprint, response_status, response_headers)
                    VALUES (?1, ?2, 'claimed', 0, '{}') ON CONFLICT DO NOTHING""")
                    .setParameter(1, caller).setParameter(2, key).executeUpdate();
            if (inserted == 1) {
                return true;
            }
            return entityManager.createNativeQuery("""
                    UPDATE idempotency_record SET created_at = now()
                    WHERE caller = ?1 AND idem_key = ?2 AND response_status = 0 AND created_at < ?3""")
                    .setParameter(1, caller).setParameter(2, key)
                    .setParameter(3, Instant.now().minus(CLAIM_EXPIRY)).executeUpdate() == 1;
        });
    }

    private Object[] stored(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT fingerprint, response_status, CAST(response_headers AS text), response_body
                FROM idempotency_record WHERE caller = ?1 AND idem_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException reused() {
        return new ProblemException(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
                "This Idempotency-Key was used for a different request; use a new key", List.of());
    }

    private static void checkFormat(String key) {
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.invalid("Idempotency-Key", "format",
                    "must be 1 to 255 printable ASCII characters, e.g. a UUID");
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purgeExpired() {
        entityManager.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
                .setParameter(1, Instant.now().minus(RETENTION))
                .executeUpdate();
    }

    private Response replay(int status, String headersJson, String body) {
        Response.ResponseBuilder builder = Response.status(status).header(REPLAYED_HEADER, "true");
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> headers = objectMapper.readValue(headersJson, Map.class);
            headers.forEach(builder::header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotency headers are unreadable", e);
        }
        if (body != null) {
            builder.entity(body).type(MediaType.APPLICATION_JSON);
        }
        return builder.build();
    }

    private static Map<String, String> keptHeaders(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (response.getLocation() != null) {
            headers.put("Location", response.getLocation().toString());
        }
        return headers;
    }

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response", e);
        }
    }
}
