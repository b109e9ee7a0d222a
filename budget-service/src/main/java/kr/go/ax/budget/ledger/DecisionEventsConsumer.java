package kr.go.ax.budget.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.SelectionDecided;
import kr.go.ax.common.events.inbox.InboundEvent;
import kr.go.ax.common.events.inbox.InboxProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Commits and releases central money as evaluation-service decides a call (topic {@code ax.evaluation}). */
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
        return inbox.process("budget-service.evaluation", message, Set.of(EventTypes.SELECTION_DECIDED),
                this::apply);
    }

    /**
     * Only the whole-call decision moves money: applying a version in one transaction releases what it takes away
     * before committing what it gives. The per-application decision events are for statuses and are ignored here.
     */
    void apply(InboundEvent event) {
        if (EventTypes.SELECTION_DECIDED.equals(event.type())) {
            ledger.applyDecision(event.dataAs(SelectionDecided.class, objectMapper), Instant.now());
        }
    }
}
