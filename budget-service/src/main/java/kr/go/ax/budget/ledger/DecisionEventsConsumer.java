package kr.go.ax.budget.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import kr.go.ax.common.events.ApplicationDecided;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.inbox.InboundEvent;
import kr.go.ax.common.events.inbox.InboxProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Commits central money when evaluation-service selects an application (topic {@code ax.evaluation}). */
@ApplicationScoped
public class DecisionEventsConsumer {
    private final InboxProcessor inbox;
    private final LedgerService ledger;
    private final ObjectMapper objectMapper;

    public DecisionEventsConsumer(InboxProcessor inbox, LedgerService ledger, ObjectMapper objectMapper) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.objectMapper = objectMapper;
    }

    @Incoming("evaluation")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process("budget-service.evaluation", message, this::apply);
    }

    void apply(InboundEvent event) {
        if (!EventTypes.APPLICATION_DECIDED.equals(event.type())) {
            return;
        }
        ApplicationDecided decided = event.dataAs(ApplicationDecided.class, objectMapper);
        if ("SELECTED".equals(decided.decision())) {
            ledger.allocate(decided.applicationId(), decided.callId(), decided.awardedCentralByYear(), Instant.now());
        }
    }
}
