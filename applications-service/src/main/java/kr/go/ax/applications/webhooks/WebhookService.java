package kr.go.ax.applications.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.go.ax.common.events.inbox.InboundEvent;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;

/** Subscriptions (owned by the portal or administrator who made them) and the deliveries queued for them. */
@ApplicationScoped
public class WebhookService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * How far the clock of a host that publishes may be behind this one's: a record stamped by a slow clock looks
     * older than it is. NTP keeps hosts within milliseconds ({@code createdAt} against an event's time already
     * assumes synchronized clocks). Small, because a consumer that keeps up sees events a few milliseconds old, and
     * each event younger than the reading makes the consumer read again.
     */
    static final Duration CLOCK_SKEW = Duration.ofMillis(50);

    private final EntityManager entityManager;
    private final WebhookTargets targets;
    private final ObjectMapper objectMapper;
    private volatile Interests interests;

    public WebhookService(EntityManager entityManager, WebhookTargets targets, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.targets = targets;
        this.objectMapper = objectMapper;
    }

    /** A new {@code whsec_} secret: 32 random bytes, as the Standard Webhooks specification suggests. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    @Transactional
    public WebhookSubscription create(Caller caller, String url, List<String> eventTypes, Instant now) {
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.owner = caller.subject();
        s.ownerRole = caller.is(Roles.ADMIN) ? Roles.ADMIN : Roles.PORTAL;
        s.url = checkedUrl(url);
        s.eventTypes = checkedTypes(s.ownerRole, eventTypes);
        s.secret = newSecret();
        s.status = WebhookSubscription.ACTIVE;
        s.createdAt = now;
        s.updatedAt = now;
        entityManager.persist(s);
        return s;
    }

    /** The caller's own subscription (administrators: any); 404 otherwise, so others' ids are not disclosed. */
    public WebhookSubscription owned(Caller caller, UUID id) {
        WebhookSubscription s = entityManager.find(WebhookSubscription.class, id);
        if (s == null || !caller.is(Roles.ADMIN) && !s.owner.equals(caller.subject())) {
            throw ProblemException.notFound("Webhook subscription", id);
        }
        return s;
    }

    public List<WebhookSubscription> list(Caller caller) {
        return caller.is(Roles.ADMIN)
                ? entityManager.createQuery("from WebhookSubscription order by createdAt, id",
                        WebhookSubscription.class).getResultList()
                : entityManager.createQuery("from WebhookSubscription where owner = ?1 order by createdAt, id",
                        WebhookSubscription.class).setParameter(1, caller.subject()).getResultList();
    }

    /** Changes what is given (null: unchanged); turning a subscription back on clears its failure count. */
    @Transactional
    public WebhookSubscription update(Caller caller, UUID id, String url, List<String> eventTypes, String status,
            Instant now) {
        WebhookSubscription s = owned(caller, id);
        if (url != null) {
            s.url = checkedUrl(url);
        }
        if (eventTypes != null) {
            s.eventTypes = checkedTypes(s.ownerRole, eventTypes);
        }
        if (status != null) {
            if (!status.equals(WebhookSubscription.ACTIVE) && !status.equals(WebhookSubscription.DISABLED)) {
                throw ProblemException.invalid("status", "enum", "must be ACTIVE or DISABLED");
            }
            if (status.equals(WebhookSubscription.ACTIVE) && !s.status.equals(status)) {
                s.consecutiveFailures = 0;
                s.disabledReason = null;
            } else if (status.equals(WebhookSubscription.DISABLED) && !s.status.equals(status)) {
                s.disabledReason = "disabled by " + caller.subject();
            }
            s.status = status;
        }
        s.updatedAt = now;
        return s;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        entityManager.remove(owned(caller, id));
    }

    @Transactional
    public WebhookSubscription rotateSecret(Caller caller, UUID id, Instant now) {
        WebhookSubscription s = owned(caller, id);
        s.secret = newSecret();
        s.updatedAt = now;
        return s;
    }

    /** Queues a test event for the subscription alone. */
    @Transactional
    public WebhookDelivery test(Caller caller, UUID id, Instant now) {
        WebhookSubscription s = owned(caller, id);
        String eventId = UUID.randomUUID().toString();
        ObjectNode data = objectMapper.createObjectNode().put("subscriptionId", s.id.toString())
                .put("message", "Test delivery requested by " + caller.subject());
        String payload = cloudEvent(eventId, WebhookVisibility.TEST_EVENT, "/applications-service/webhooks",
                s.id.toString(), now, data);
        return queue(s, eventId, WebhookVisibility.TEST_EVENT, payload, now);
    }

    public List<WebhookDelivery> deliveries(Caller caller, UUID id, String status, int limit) {
        owned(caller, id);
        var query = entityManager.createQuery("from WebhookDelivery where subscriptionId = :id"
                + (status == null ? "" : " and status = :status") + " order by createdAt desc, id",
                WebhookDelivery.class).setParameter("id", id);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** Queues a delivery again: now, with its attempts counted from zero. */
    @Transactional
    public WebhookDelivery redeliver(Caller caller, UUID id, UUID deliveryId, Instant now) {
        WebhookSubscription s = owned(caller, id);
        WebhookDelivery d = entityManager.find(WebhookDelivery.class, deliveryId);
        if (d == null || !d.subscriptionId.equals(s.id)) {
            throw ProblemException.notFound("Delivery", deliveryId);
        }
        if (!s.status.equals(WebhookSubscription.ACTIVE)) {
            throw ProblemException.conflict("SUBSCRIPTION_DISABLED", "Subscription " + id + " is disabled ("
                    + s.disabledReason + "); turn it back on with PATCH {\"status\": \"ACTIVE\"} first");
        }
        d.status = WebhookDelivery.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        return d;
    }

    /**
     * Whether an active subscription wants the event: the consumer passes over the others without a transaction.
     * Answered from the subscriptions as read at some moment: that reading serves every event the broker had before
     * it (less {@link #CLOCK_SKEW} between hosts), and a later event reads them again. A subscription thus hears every
     * event published after its creation committed, as when each event read the table, at one read per poll rather
     * than one per event (ten thousand reports uploaded at once were ten thousand reads).
     */
    public boolean wantedByAny(InboundEvent event) {
        Instant occurred = event.time() == null ? Instant.now() : event.time();
        Interests known = interests;
        if (known == null || event.publishedAt() == null
                || !event.publishedAt().isBefore(known.readAt().minus(CLOCK_SKEW))) {
            known = readInterests();
            interests = known;
        }
        return known.wantedBy(event.type(), occurred);
    }

    private Interests readInterests() {
        Instant readAt = Instant.now(); // before the read: whatever committed before this moment is in it
        List<Interest> of = QuarkusTransaction.joiningExisting().call(() -> entityManager.createQuery(
                "from WebhookSubscription where status = ?1", WebhookSubscription.class)
                .setParameter(1, WebhookSubscription.ACTIVE).getResultStream()
                .map(s -> new Interest(Set.copyOf(s.eventTypes), s.createdAt)).toList());
        return new Interests(readAt, of);
    }

    /** What the active subscriptions asked for, as read at {@code readAt}. */
    private record Interests(Instant readAt, List<Interest> of) {
        boolean wantedBy(String type, Instant occurred) {
            return of.stream().anyMatch(i -> i.wants(type) && !occurred.isBefore(i.createdAt()));
        }
    }

    private record Interest(Set<String> eventTypes, Instant createdAt) {
        boolean wants(String type) {
            return WebhookSubscription.wants(eventTypes, type);
        }
    }

    /**
     * Queues the event for every active subscription that asked for its type and may see it. Runs in the consumer's
     * inbox transaction; a subscription already holding the event gets nothing new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int fanOut(InboundEvent event, Instant now) {
        List<WebhookSubscription> active = entityManager.createQuery(
                "from WebhookSubscription where status = ?1", WebhookSubscription.class)
                .setParameter(1, WebhookSubscription.ACTIVE).getResultList();
        JsonNode data = null;
        String payload = null;
        int queued = 0;
        Instant occurred = event.time() == null ? now : event.time();
        for (WebhookSubscription s : active) {
            // A subscription hears what happens from its creation on; events from before (still being consumed
            // after a lag) are not its business.
            if (!s.wants(event.type()) || occurred.isBefore(s.createdAt)) {
                continue;
            }
            if (data == null) {
                data = readTree(event.data());
                payload = cloudEvent(event.id(), event.type(), event.source(), event.subject(), occurred, data);
            }
            if (WebhookVisibility.mayReceive(s.ownerRole, event.type(), data)) {
                queued += entityManager.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, payload, status,
                                                      attempts, next_attempt_at, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6)
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, s.id).setParameter(3, event.id())
                        .setParameter(4, event.type()).setParameter(5, payload).setParameter(6, now)
                        .executeUpdate();
            }
        }
        return queued;
    }

    private WebhookDelivery queue(WebhookSubscription s, String eventId, String type, String payload, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = UUID.randomUUID();
        d.subscriptionId = s.id;
        d.eventId = eventId;
        d.eventType = type;
        d.payload = payload;
        d.status = WebhookDelivery.PENDING;
        d.nextAttemptAt = now;
        d.createdAt = now;
        entityManager.persist(d);
        return d;
    }

    /** The CloudEvent in structured JSON mode (CloudEvents 1.0 JSON format). */
    String cloudEvent(String id, String type, String source, String subject, Instant time, JsonNode data) {
        ObjectNode event = objectMapper.createObjectNode().put("specversion", "1.0").put("id", id)
                .put("source", source == null ? "/ax-platform" : source).put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", time.toString()).put("datacontenttype", "application/json").set("data", data);
        try {
            return objectMapper.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not JSON", e);
        }
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw ProblemException.invalid("url", "required", "must be an http(s) URL of at most 2000 characters");
        }
        targets.refused(url).ifPresent(reason -> {
            throw ProblemException.invalid("url", "target", "the URL " + reason);
        });
        return url;
    }

    private static List<String> checkedTypes(String role, List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty() || eventTypes.size() > 50) {
            throw ProblemException.invalid("eventTypes", "required",
                    "must list 1 to 50 CloudEvents types, or [\"*\"] for every event the subscriber may read");
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            if (type == null || !type.equals(WebhookSubscription.ALL) && !WebhookVisibility.mayAskFor(role, type)) {
                violations.add(new FieldViolation("eventTypes[" + i + "]", "EVENT_TYPE_NOT_ALLOWED", "\"" + type
                        + "\" is not an event type a " + role + " may receive; one of "
                        + new java.util.TreeSet<>(WebhookVisibility.PORTAL_TYPES) + " or \"*\""));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "EVENT_TYPE_NOT_ALLOWED", "Event type not allowed",
                    violations.get(0).message(), violations);
        }
        return List.copyOf(new LinkedHashSet<>(eventTypes));
    }
}
