package kr.go.ax.applications.webhooks;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import kr.go.ax.common.events.inbox.InboxProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns every event of the platform's topics into deliveries for the subscriptions that want it. The deliveries are
 * written in the inbox transaction and the offset is committed after it, so a restart loses nothing, and the inbox
 * and the (subscription, event) key keep a redelivered record from queueing twice.
 */
@ApplicationScoped
public class WebhookEventsConsumer {
    private final InboxProcessor inbox;
    private final WebhookService webhooks;
    private final WebhookDispatcher dispatcher;

    public WebhookEventsConsumer(InboxProcessor inbox, WebhookService webhooks, WebhookDispatcher dispatcher) {
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    @Incoming("webhooks")
    @Blocking
    public CompletionStage<Void> onEvent(Message<String> message) {
        // Most events concern no subscription: they are passed over with one read, no inbox row and no commit.
        return inbox.process("applications-service.webhooks", message, webhooks::wantedByAny, event -> {
            if (webhooks.fanOut(event, Instant.now()) > 0) {
                dispatcher.wakeUpAfterCommit();
            }
        });
    }
}
