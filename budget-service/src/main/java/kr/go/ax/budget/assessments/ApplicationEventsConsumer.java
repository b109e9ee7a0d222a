package kr.go.ax.budget.assessments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import kr.go.ax.budget.ledger.LedgerService;
import kr.go.ax.common.events.ApplicationSnapshot;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.inbox.InboundEvent;
import kr.go.ax.common.events.inbox.InboxProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Assesses budgets as applications are submitted, and releases allocations of withdrawn ones (topic
 * {@code ax.applications}).
 */
@ApplicationScoped
public class ApplicationEventsConsumer {
    static final Set<String> HANDLED = Set.of(EventTypes.APPLICATION_SUBMITTED, EventTypes.APPLICATION_WITHDRAWN);

    private final InboxProcessor inbox;
    private final AssessmentService assessments;
    private final ObjectMapper objectMapper;
    private final LedgerService ledger;

    public ApplicationEventsConsumer(InboxProcessor inbox, AssessmentService assessments, ObjectMapper objectMapper,
            LedgerService ledger) {
        this.inbox = inbox;
        this.assessments = assessments;
        this.objectMapper = objectMapper;
        this.ledger = ledger;
    }

    @Incoming("applications")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process("budget-service.applications", message, HANDLED, this::apply);
    }

    void apply(InboundEvent event) {
        if (EventTypes.APPLICATION_SUBMITTED.equals(event.type())) {
            assessments.assessSubmission(event.dataAs(ApplicationSnapshot.class, objectMapper), Instant.now());
        } else if (EventTypes.APPLICATION_WITHDRAWN.equals(event.type())) {
            ledger.release(event.dataAs(ApplicationSnapshot.class, objectMapper).id(), Instant.now());
        }
    }
}
