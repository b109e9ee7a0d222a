package kr.go.ax.common.events.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import kr.go.ax.common.web.RequestIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs a consumer's handler exactly once per event id: inbox row and effect in one transaction, a bounded number of
 * attempts, then a nack that sends the record to the channel's dead-letter topic with the error. A record is never
 * skipped silently.
 */
@ApplicationScoped
public class InboxProcessor {
    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    private final Inbox inbox;
    private final MeterRegistry meters;
    private final int maxAttempts;

    public InboxProcessor(Inbox inbox, MeterRegistry meters,
            @ConfigProperty(name = "ax.inbox.max-attempts", defaultValue = "3") int maxAttempts) {
        this.inbox = inbox;
        this.meters = meters;
        this.maxAttempts = maxAttempts;
    }

    public CompletionStage<Void> process(String consumer, Message<String> message, EventHandler handler) {
        Optional<InboundEvent> parsed = InboundEvent.from(message);
        if (parsed.isEmpty()) {
            meters.counter("ax.inbox.events", "consumer", consumer, "outcome", "dead-lettered").increment();
            return message.nack(new IllegalArgumentException("Record is not a CloudEvent (no ce_id/ce_type)"));
        }
        InboundEvent event = parsed.get();
        if (event.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, event.requestId());
        }
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                        if (!inbox.firstDelivery(consumer, event)) {
                            return false;
                        }
                        handler.apply(event);
                        return true;
                    });
                    meters.counter("ax.inbox.events", "consumer", consumer, "outcome",
                            applied ? "applied" : "duplicate").increment();
                    return message.ack();
                } catch (Exception e) {
                    if (attempt >= maxAttempts) {
                        LOG.errorf(e, "Event %s (%s) failed %d times; sending it to the dead-letter topic",
                                event.id(), event.type(), attempt);
                        meters.counter("ax.inbox.events", "consumer", consumer, "outcome", "dead-lettered")
                                .increment();
                        return message.nack(e);
                    }
                    LOG.warnf("Event %s (%s) failed on attempt %d: %s", event.id(), event.type(), attempt,
                            e.getMessage());
                    sleep(100L * attempt * attempt);
                }
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
