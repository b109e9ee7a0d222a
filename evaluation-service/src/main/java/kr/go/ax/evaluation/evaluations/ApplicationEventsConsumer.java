package kr.go.ax.evaluation.evaluations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.ApplicationSnapshot;
import kr.go.ax.common.events.inbox.InboundEvent;
import kr.go.ax.common.events.inbox.InboxProcessor;
import kr.go.ax.evaluation.decisions.DecisionService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps {@link EvaluatedApplication} in step with applications-service (topic {@code ax.applications}). */
@ApplicationScoped
public class ApplicationEventsConsumer {
    private final InboxProcessor inbox;
    private final EvaluatedApplicationRepository applications;
    private final DecisionService decisions;
    private final ObjectMapper objectMapper;

    public ApplicationEventsConsumer(InboxProcessor inbox, EvaluatedApplicationRepository applications,
            DecisionService decisions, ObjectMapper objectMapper) {
        this.inbox = inbox;
        this.applications = applications;
        this.decisions = decisions;
        this.objectMapper = objectMapper;
    }

    static java.util.Map<Integer, Long> requestedCentral(ApplicationSnapshot snapshot) {
        java.util.Map<Integer, Long> byYear = new java.util.TreeMap<>();
        if (snapshot.projects() != null) {
            for (ApplicationSnapshot.Project project : snapshot.projects()) {
                for (ApplicationSnapshot.BudgetLine line : project.budget()) {
                    byYear.merge(line.fiscalYear(), line.centralKrw(), Long::sum);
                }
            }
        }
        return byYear;
    }

    @Incoming("applications")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process("evaluation-service.applications", message, EventTypes.APPLICATION_SNAPSHOTS,
                this::apply);
    }

    void apply(InboundEvent event) {
        ApplicationSnapshot snapshot = event.dataAs(ApplicationSnapshot.class, objectMapper);
        EvaluatedApplication copy = applications.findById(snapshot.id());
        if (copy != null && copy.snapshotVersion > snapshot.version()) {
            return; // an older snapshot arriving late changes nothing
        }
        boolean isNew = copy == null;
        boolean withdrawnNow = "WITHDRAWN".equals(snapshot.status()) && (isNew || !copy.withdrawn());
        if (isNew) {
            copy = new EvaluatedApplication();
            copy.applicationId = snapshot.id();
        }
        copy.callId = snapshot.callId();
        copy.regionCode = snapshot.region();
        copy.title = snapshot.title();
        copy.leadAgency = snapshot.leadAgency();
        copy.partners = snapshot.partners() == null ? List.of() : snapshot.partners();
        copy.applicationStatus = snapshot.status();
        copy.submittedAt = snapshot.submittedAt();
        copy.snapshotVersion = snapshot.version();
        copy.requestedCentralByYear = requestedCentral(snapshot);
        if (isNew) {
            applications.persist(copy); // after the fields are set: Hibernate inserts the state it has at persist time
        }
        if (withdrawnNow && copy.evaluationStartedAt != null) {
            decisions.onWithdrawn(copy); // a renounced selection promotes a reserve
        }
    }
}
