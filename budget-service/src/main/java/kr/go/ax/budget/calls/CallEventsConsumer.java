package kr.go.ax.budget.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import kr.go.ax.budget.ledger.LedgerService;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.CallSnapshot;
import kr.go.ax.common.events.inbox.InboundEvent;
import kr.go.ax.common.events.inbox.InboxProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps {@link CallFundingRules} in step with the calls of applications-service (topic {@code ax.calls}). */
@ApplicationScoped
public class CallEventsConsumer {
    static final String CONSUMER = "budget-service.calls";

    private final InboxProcessor inbox;
    private final CallFundingRulesRepository rules;
    private final ObjectMapper objectMapper;
    private final LedgerService ledger;

    public CallEventsConsumer(InboxProcessor inbox, CallFundingRulesRepository rules, ObjectMapper objectMapper,
            LedgerService ledger) {
        this.inbox = inbox;
        this.rules = rules;
        this.objectMapper = objectMapper;
        this.ledger = ledger;
    }

    @Incoming("calls")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process(CONSUMER, message, EventTypes.CALL_SNAPSHOTS, this::apply);
    }

    void apply(InboundEvent event) {
        CallSnapshot call = event.dataAs(CallSnapshot.class, objectMapper);
        CallFundingRules copy = rules.findByIdOptional(call.id()).orElse(null);
        if (copy != null && copy.callVersion > call.version()) {
            return; // an older snapshot arriving late changes nothing
        }
        boolean isNew = copy == null;
        if (isNew) {
            copy = new CallFundingRules();
            copy.callId = call.id();
        }
        copy.code = call.code();
        copy.callStatus = call.status();
        copy.fiscalYears = call.fiscalYears();
        copy.centralPoolPerYearKrw = call.fundingRules().centralPoolPerYearKrw();
        copy.centralReferencePerRegionPerYearKrw = call.fundingRules().centralReferencePerRegionPerYearKrw();
        copy.centralShareMaxBp = call.fundingRules().centralShareMaxBp();
        copy.localGovernmentShareMinBp = call.fundingRules().localGovernmentShareMinBp();
        copy.callVersion = call.version();
        copy.updatedAt = Instant.now();
        if (isNew) {
            rules.persist(copy); // after the fields are set: Hibernate inserts the state it has at persist time
        }
        ledger.ensurePools(copy);
    }
}
