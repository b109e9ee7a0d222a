package kr.go.ax.applications.webhooks;

import com.standardwebhooks.Webhook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued deliveries: at least once, signed as the Standard Webhooks specification says (webhook-id is the
 * CloudEvent id, so a receiver can drop a repeat), with exponential backoff and jitter between attempts. A batch is
 * claimed by pushing its next attempt past a lease, so several instances never send the same delivery at once and a
 * crash mid-send only delays it. After {@code max-attempts} a delivery is FAILED (redeliver by hand); after
 * {@code disable-after} failed attempts in a row a subscription is disabled and keeps its pending deliveries.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final EntityManager entityManager;
    private final WebhookTargets targets;
    private final TransactionSynchronizationRegistry transactions;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final int disableAfter;
    private final int batchSize;
    private final Duration timeout;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-dispatcher");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean more = new AtomicBoolean();

    public WebhookDispatcher(EntityManager entityManager, WebhookTargets targets,
            TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "ax.webhooks.max-attempts", defaultValue = "12") int maxAttempts,
            @ConfigProperty(name = "ax.webhooks.backoff-base", defaultValue = "PT5S") Duration backoffBase,
            @ConfigProperty(name = "ax.webhooks.backoff-max", defaultValue = "PT1H") Duration backoffMax,
            @ConfigProperty(name = "ax.webhooks.disable-after", defaultValue = "50") int disableAfter,
            @ConfigProperty(name = "ax.webhooks.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "ax.webhooks.timeout", defaultValue = "PT10S") Duration timeout) {
        this.entityManager = entityManager;
        this.targets = targets;
        this.transactions = transactions;
        this.maxAttempts = maxAttempts;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.disableAfter = disableAfter;
        this.batchSize = batchSize;
        this.timeout = timeout;
        // No redirects: a receiver must not bounce a signed event to an address the policy would refuse.
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends what the current transaction queued as soon as it commits, instead of at the next poll. */
    public void wakeUpAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUps.execute(WebhookDispatcher.this::dispatchDue);
                }
            }
        });
    }

    /** Sends now, from another thread: for a change already committed (by a transactional service method). */
    public void wakeUpSoon() {
        wakeUps.execute(this::dispatchDue);
    }

    @Scheduled(every = "${ax.webhooks.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        dispatchDue();
    }

    void onStop(@Observes ShutdownEvent event) {
        wakeUps.shutdownNow();
    }

    /** Sends due deliveries until none is left; one run at a time per instance, a wake-up meanwhile runs again. */
    public void dispatchDue() {
        more.set(true);
        while (more.get() && running.tryLock()) {
            try {
                more.set(false);
                List<Claimed> batch;
                while (!(batch = claim(Instant.now())).isEmpty()) {
                    send(batch);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Webhook dispatch stopped, retried at the next poll: %s", e.toString());
            } finally {
                running.unlock();
            }
        }
    }

    record Claimed(UUID deliveryId, String eventId, String payload, int attempts, UUID subscriptionId, String url,
            String secret) {
    }

    record Outcome(Claimed delivery, Integer statusCode, String error) {
        boolean delivered() {
            return error == null && statusCode != null && statusCode / 100 == 2;
        }
    }

    /** Takes a batch of due deliveries of active subscriptions, leased for twice the send timeout. */
    @SuppressWarnings("unchecked")
    List<Claimed> claim(Instant now) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                UPDATE webhook_delivery d SET next_attempt_at = ?1
                FROM webhook_subscription s
                WHERE s.id = d.subscription_id AND d.id IN (
                    SELECT d2.id FROM webhook_delivery d2
                    JOIN webhook_subscription s2 ON s2.id = d2.subscription_id AND s2.status = 'ACTIVE'
                    WHERE d2.status = 'PENDING' AND d2.next_attempt_at <= ?2
                    ORDER BY d2.next_attempt_at LIMIT ?3
                    FOR UPDATE OF d2 SKIP LOCKED)
                RETURNING d.id, d.event_id, d.payload, d.attempts, s.id, s.url, s.secret""")
                .setParameter(1, now.plus(timeout.multipliedBy(2)))
                .setParameter(2, now)
                .setParameter(3, batchSize)
                .getResultList());
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            claimed.add(new Claimed((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    (UUID) r[4], (String) r[5], (String) r[6]));
        }
        return claimed;
    }

    private void send(List<Claimed> batch) {
        List<CompletableFuture<Outcome>> sent = new ArrayList<>(batch.size());
        for (Claimed d : batch) {
            sent.add(sendOne(d));
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (CompletableFuture<Outcome> f : sent) {
            try {
                outcomes.add(f.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                LOG.debugf("Delivery outcome lost (%s); the lease will expire and it is sent again", e.toString());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> record(outcomes, Instant.now()));
    }

    private CompletableFuture<Outcome> sendOne(Claimed d) {
        var refused = targets.refused(d.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(d, null, "target not allowed: the URL "
                    + refused.get()));
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature;
        try {
            signature = new Webhook(d.secret()).sign(d.eventId(), timestamp, d.payload());
        } catch (Exception e) {
            return CompletableFuture.completedFuture(new Outcome(d, null, "signing failed: " + e.getMessage()));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url())).timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", "ax-platform-webhooks/1")
                .header("webhook-id", d.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null
                        ? new Outcome(d, response.statusCode(), response.statusCode() / 100 == 2 ? null
                                : "answered HTTP " + response.statusCode())
                        : new Outcome(d, null, failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    private void record(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        // The batch's rows in two reads (one find per delivery was 200 round trips per batch); updated in JDBC batches.
        Map<UUID, WebhookDelivery> deliveries = new HashMap<>();
        entityManager.createQuery("from WebhookDelivery where id in :ids", WebhookDelivery.class)
                .setParameter("ids", outcomes.stream().map(o -> o.delivery().deliveryId()).toList())
                .getResultList().forEach(d -> deliveries.put(d.id, d));
        Map<UUID, WebhookSubscription> subscriptions = new HashMap<>();
        entityManager.createQuery("from WebhookSubscription where id in :ids", WebhookSubscription.class)
                .setParameter("ids", outcomes.stream().map(o -> o.delivery().subscriptionId()).distinct().toList())
                .getResultList().forEach(s -> subscriptions.put(s.id, s));
        for (Outcome o : outcomes) {
            WebhookDelivery d = deliveries.get(o.delivery().deliveryId());
            WebhookSubscription s = subscriptions.get(o.delivery().subscriptionId());
            if (d == null || s == null || !WebhookDelivery.PENDING.equals(d.status)) {
                continue; // deleted meanwhile, or redelivered by hand and sent by another run
            }
            d.attempts++;
            d.lastAttemptAt = now;
            d.lastStatusCode = o.statusCode();
            if (o.delivered()) {
                d.status = WebhookDelivery.DELIVERED;
                d.deliveredAt = now;
                d.lastError = null;
                d.nextAttemptAt = null;
                s.consecutiveFailures = 0;
                continue;
            }
            d.lastError = o.error() == null ? null : o.error().substring(0, Math.min(1000, o.error().length()));
            if (d.attempts >= maxAttempts) {
                d.status = WebhookDelivery.FAILED;
                d.nextAttemptAt = null;
            } else {
                d.nextAttemptAt = now.plus(backoff(d.attempts));
            }
            s.consecutiveFailures++;
            if (s.consecutiveFailures >= disableAfter && WebhookSubscription.ACTIVE.equals(s.status)) {
                s.status = WebhookSubscription.DISABLED;
                s.disabledReason = s.consecutiveFailures + " failed attempts in a row; last: " + d.lastError;
                s.updatedAt = now;
                LOG.warnf("Webhook subscription %s disabled: %s", s.id, s.disabledReason);
            }
        }
    }

    /** base x 2^(attempt-1), at most max, then "equal jitter": between half of it and all of it. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(backoffMax.toMillis(),
                backoffBase.toMillis() << Math.min(30, Math.max(0, attempt - 1)));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
