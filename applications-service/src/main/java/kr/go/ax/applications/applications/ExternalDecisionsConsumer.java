package kr.go.ax.applications.applications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import kr.go.ax.applications.calls.CallService;
import kr.go.ax.common.events.ApplicationDecided;
import kr.go.ax.common.events.BudgetAssessed;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.EvaluationStarted;
import kr.go.ax.common.events.inbox.InboundEvent;
import kr.go.ax.common.events.inbox.InboxProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Moves applications on when another service decides: budget verdicts (topic {@code ax.budget}), evaluation start and
 * selection decisions (topic {@code ax.evaluation}). Each event is applied once (inbox) and only if the transition is
 * legal from the application's current status; anything else is logged and ignored.
 */
@ApplicationScoped
public class ExternalDecisionsConsumer {
    private static final Logger LOG = Logger.getLogger(ExternalDecisionsConsumer.class);

    private final InboxProcessor inbox;
    private final ApplicationService applications;
    private final CallService calls;
    private final ObjectMapper objectMapper;

    public ExternalDecisionsConsumer(InboxProcessor inbox, ApplicationService applications, CallService calls,
            ObjectMapper objectMapper) {
        this.inbox = inbox;
        this.applications = applications;
        this.calls = calls;
        this.objectMapper = objectMapper;
    }

    @Incoming("budget")
    @Blocking
    public CompletionStage<Void> budget(Message<String> message) {
        return inbox.process("applications-service.budget", message, Set.of(EventTypes.BUDGET_ASSESSED),
                this::applyBudget);
    }

    @Incoming("evaluation")
    @Blocking
    public CompletionStage<Void> evaluation(Message<String> message) {
        return inbox.process("applications-service.evaluation", message,
                Set.of(EventTypes.EVALUATION_STARTED, EventTypes.APPLICATION_DECIDED), this::applyEvaluation);
    }

    void applyBudget(InboundEvent event) {
        if (!EventTypes.BUDGET_ASSESSED.equals(event.type())) {
            return;
        }
        BudgetAssessed verdict = event.dataAs(BudgetAssessed.class, objectMapper);
        boolean approved = BudgetAssessed.APPROVED.equals(verdict.verdict());
        ApplicationStatus to = approved ? ApplicationStatus.ELIGIBLE : ApplicationStatus.BUDGET_REJECTED;
        List<Application.BudgetAssessment.Violation> violations = verdict.violations() == null ? List.of()
                : verdict.violations().stream()
                        .map(v -> new Application.BudgetAssessment.Violation(v.code(), v.field(), v.message()))
                        .toList();
        boolean changed = applications.transitionFromEvent(verdict.applicationId(), to, "budget-service",
                approved ? "budget meets the co-financing rules" : "budget breaks the co-financing rules",
                Instant.now(),
                // A verdict on an earlier submission says nothing about the current one.
                a -> a.submission == verdict.submission(),
                a -> a.budgetAssessment = new Application.BudgetAssessment(verdict.verdict(), verdict.submission(),
                        violations, verdict.assessedAt()));
        logIgnored(changed, event);
    }

    void applyEvaluation(InboundEvent event) {
        if (EventTypes.EVALUATION_STARTED.equals(event.type())) {
            EvaluationStarted started = event.dataAs(EvaluationStarted.class, objectMapper);
            logIgnored(applications.transitionFromEvent(started.applicationId(), ApplicationStatus.UNDER_EVALUATION,
                    "evaluation-service", "entered expert evaluation", Instant.now(), a -> true, a -> { }), event);
        } else if (EventTypes.APPLICATION_DECIDED.equals(event.type())) {
            ApplicationDecided decided = event.dataAs(ApplicationDecided.class, objectMapper);
            ApplicationStatus to = ApplicationStatus.valueOf(decided.decision());
            boolean changed = applications.applyDecision(decided.applicationId(), to, decided.rank(),
                    decided.decisionVersion(), Instant.now());
            if (changed) {
                calls.markDecided(decided.callId(), Instant.now());
            }
            logIgnored(changed, event);
        }
    }

    private static void logIgnored(boolean changed, InboundEvent event) {
        if (!changed) {
            LOG.infof("Event %s (%s) for %s does not apply to the application's current state; ignored",
                    event.id(), event.type(), event.subject());
        }
    }
}
