package kr.go.ax.common.events.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import kr.go.ax.common.web.RequestIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs a consumer's handler exactly once per event id: inbox row and effect in one transaction.
 * <ul>
 * <li>A failure of the infrastructure (database unreachable or restarting, deadlock) is retried until it passes:
 * the event waits, it is neither skipped nor dead-lettered.</li>
 * <li>An event that arrived before what it depends on ({@link RetryLaterException}) waits too, but at most
 * {@code ax.inbox.retry-later-for} (2 minutes), then goes to the dead-letter topic.</li>
 * <li>A failure of the event itself is retried a bounded number of times, then the record is nacked and goes to the
 * channel's dead-letter topic with the error. A record is never skipped silently.</li>
 * <li>While the service shuts down, the record is left unacknowledged, so its offset is not committed and it is
 * delivered again after the restart.</li>
 * </ul>
 */
@ApplicationScoped
public class InboxProcessor {
    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Inbox inbox;
    private final MeterRegistry meters;
    private final int maxAttempts;
    private final java.time.Duration retryLaterFor;
    private volatile boolean stopping;

    public InboxProcessor(Inbox inbox, MeterRegistry meters,
            @ConfigProperty(name = "ax.inbox.max-attempts", defaultValue = "3") int maxAttempts,
            @ConfigProperty(name = "ax.inbox.retry-later-for", defaultValue = "PT2M") java.time.Duration retryLaterFor) {
        this.inbox = inbox;
        this.meters = meters;
        this.maxAttempts = maxAttempts;
        this.retryLaterFor = retryLaterFor;
    }

    /** Early in shutdown, before the database pool closes. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /** Every event of the channel goes to the handler. */
    public CompletionStage<Void> process(String consumer, Message<String> message, EventHandler handler) {
        return process(consumer, message, event -> true, handler);
    }

    /**
     * Only events of the {@code handled} types go to the handler. The others are acknowledged without a transaction or
     * an inbox row: ignoring has no effect to protect, and a topic carries many types a consumer does not read (ten
     * thousand progress reports must not cost every other service ten thousand commits).
     */
    public CompletionStage<Void> process(String consumer, Message<String> message, Set<String> handled,
            EventHandler handler) {
        return process(consumer, message, event -> handled.contains(event.type()), handler);
    }

    /**
     * Only the events {@code wanted} tests true for go to the handler; as above, the others cost no transaction. The
     * test runs before the inbox transaction, so it must be cheap and read-only.
     */
    public CompletionStage<Void> process(String consumer, Message<String> message, Predicate<InboundEvent> wanted,
            EventHandler handler) {
        Optional<InboundEvent> parsed = InboundEvent.from(message);
        if (parsed.isEmpty()) {
            count(consumer, "dead-lettered");
            return message.nack(new IllegalArgumentException("Record is not a CloudEvent (no ce_id/ce_type)"));
        }
        InboundEvent event = parsed.get();
        if (event.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, event.requestId());
        }
        // The consumer span (made by the connector from the record's traceparent) is current while the handler runs,
        // so the events it writes to the outbox continue the same trace.
        io.opentelemetry.context.Scope trace = io.smallrye.reactive.messaging.TracingMetadata.fromMessage(message)
                .map(t -> t.getCurrentContext().makeCurrent()).orElse(null);
        try {
            int eventFailures = 0;
            long backoff = 100;
            long waitingSince = System.nanoTime();
            while (true) {
                if (stopping) {
                    return leaveForRedelivery(event);
                }
                try {
                    // Inside the retry loop: a test that reads the database fails like the transaction does while
                    // the database is away, and must wait for it the same way (not fail the channel).
                    if (!wanted.test(event)) {
                        count(consumer, "ignored");
                        return message.ack();
                    }
                    boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                        if (!inbox.firstDelivery(consumer, event)) {
                            return false;
                        }
                        handler.apply(event);
                        return true;
                    });
                    count(consumer, applied ? "applied" : "duplicate");
                    return message.ack();
                } catch (Exception e) {
                    if (stopping) {
                        return leaveForRedelivery(event);
                    }
                    boolean waitedTooLong = TransientFailures.isRetryLater(e)
                            && System.nanoTime() - waitingSince > retryLaterFor.toNanos();
                    if (waitedTooLong) {
                        // What it waits for has not come in time: most likely it never will. Make it visible.
                        LOG.errorf("Event %s (%s) waited %s for %s; sending it to the dead-letter topic", event.id(),
                                event.type(), retryLaterFor, TransientFailures.describe(e));
                        count(consumer, "dead-lettered");
                        return message.nack(e);
                    }
                    if (TransientFailures.isTransient(e)) {
                        LOG.warnf("Event %s (%s) waits for the infrastructure: %s", event.id(), event.type(),
                                TransientFailures.describe(e));
                    } else if (++eventFailures >= maxAttempts) {
                        LOG.errorf(e, "Event %s (%s) failed %d times; sending it to the dead-letter topic",
                                event.id(), event.type(), eventFailures);
                        count(consumer, "dead-lettered");
                        return message.nack(e);
                    } else {
                        LOG.warnf("Event %s (%s) failed on attempt %d: %s", event.id(), event.type(), eventFailures,
                                e.getMessage());
                    }
                    sleep(backoff);
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
            }
        } finally {
            if (trace != null) {
                trace.close();
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** Neither ack nor nack: the offset stays uncommitted and the broker delivers the record again. */
    private static CompletionStage<Void> leaveForRedelivery(InboundEvent event) {
        LOG.infof("Shutting down: event %s (%s) is left for redelivery", event.id(), event.type());
        return new CompletableFuture<>();
    }

    private void count(String consumer, String outcome) {
        meters.counter("ax.inbox.events", "consumer", consumer, "outcome", outcome).increment();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
