package kr.go.ax.evaluation.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.CallSnapshot;
import kr.go.ax.common.events.inbox.InboundEvent;
import kr.go.ax.common.events.inbox.InboxProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps {@link CallEvaluationSettings} in step with the calls of applications-service (topic {@code ax.calls}). */
@ApplicationScoped
public class CallEventsConsumer {
    static final String CONSUMER = "evaluation-service.calls";

    private final InboxProcessor inbox;
    private final CallEvaluationSettingsRepository settings;
    private final ObjectMapper objectMapper;

    public CallEventsConsumer(InboxProcessor inbox, CallEvaluationSettingsRepository settings,
            ObjectMapper objectMapper) {
        this.inbox = inbox;
        this.settings = settings;
        this.objectMapper = objectMapper;
    }

    @Incoming("calls")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process(CONSUMER, message, EventTypes.CALL_SNAPSHOTS, this::apply);
    }

    void apply(InboundEvent event) {
        CallSnapshot call = event.dataAs(CallSnapshot.class, objectMapper);
        CallEvaluationSettings copy = settings.findByIdOptional(call.id()).orElse(null);
        if (copy != null && copy.callVersion > call.version()) {
            return; // an older snapshot arriving late changes nothing
        }
        boolean isNew = copy == null;
        if (isNew) {
            copy = new CallEvaluationSettings();
            copy.callId = call.id();
        }
        copy.code = call.code();
        copy.callStatus = call.status();
        copy.slots = call.slots();
        copy.reserveSlots = call.reserveSlots();
        copy.documentWeightPct = call.documentWeightPct();
        copy.presentationWeightPct = call.presentationWeightPct();
        copy.centralPoolPerYearKrw = call.fundingRules() == null ? 0 : call.fundingRules().centralPoolPerYearKrw();
        copy.fiscalYears = call.fiscalYears() == null ? java.util.List.of() : call.fiscalYears();
        copy.callVersion = call.version();
        copy.updatedAt = Instant.now();
        if (isNew) {
            settings.persist(copy); // after the fields are set: Hibernate inserts the state it has at persist time
        }
    }
}
