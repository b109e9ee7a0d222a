package kr.go.ax.evaluation.evaluations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.events.EvaluationStarted;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.outbox.Outbox;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.evaluation.calls.CallEvaluationSettings;
import kr.go.ax.evaluation.calls.CallEvaluationSettingsRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation/calls/{callId}/start")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Evaluation", description = "Expert evaluation of a closed call")
@RolesAllowed(Roles.ADMIN)
public class EvaluationStartResource {
    private final CallEvaluationSettingsRepository calls;
    private final EvaluatedApplicationRepository applications;
    private final Outbox outbox;
    private final Clock clock;

    public EvaluationStartResource(CallEvaluationSettingsRepository calls,
            EvaluatedApplicationRepository applications, Outbox outbox, Clock clock) {
        this.calls = calls;
        this.applications = applications;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record StartResponse(UUID callId, int started, List<UUID> applicationIds) {
    }

    @POST
    @Transactional
    @Operation(summary = "Every ELIGIBLE application of the closed call enters evaluation; repeating it starts only"
            + " applications that became eligible since")
    public StartResponse start(@PathParam("callId") UUID callId) {
        CallEvaluationSettings call = calls.findByIdOptional(callId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Call", callId));
        if (!"CLOSED".equals(call.callStatus)) {
            throw ProblemException.conflict("CALL_NOT_CLOSED",
                    "Call " + callId + " is " + call.callStatus + "; evaluation starts once it is CLOSED");
        }
        Instant now = clock.instant();
        List<UUID> started = new ArrayList<>();
        for (EvaluatedApplication application : applications.eligibleNotStarted(callId)) {
            application.evaluationStartedAt = now;
            outbox.record(Topics.EVALUATION, "evaluation", application.applicationId.toString(),
                    EventTypes.EVALUATION_STARTED, new EvaluationStarted(application.applicationId, callId, now));
            started.add(application.applicationId);
        }
        return new StartResponse(callId, started.size(), started);
    }
}
