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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(description = "The applications this request started evaluating")
    public record StartResponse(
            @Schema(description = "The call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e") UUID callId,
            @Schema(description = "How many applications entered evaluation now; 0 when a repeat found none new",
                    example = "9")
            int started,
            @Schema(description = "The applications that entered evaluation now, oldest submission first")
            List<UUID> applicationIds) {
    }

    @POST
    @Transactional
    @Operation(summary = "Every ELIGIBLE application of the closed call enters evaluation; repeating it starts only"
            + " applications that became eligible since",
            description = "Admin only: every ELIGIBLE application of the call that is not in evaluation yet enters it"
                    + " now (oldest submission first) and an evaluation-started event is published for each; evaluators"
                    + " of the call's panel then see them as assignments. Repeating it is safe: only applications that"
                    + " became eligible since are started. Returns 404 for an unknown call and 409 CALL_NOT_CLOSED"
                    + " unless the call is CLOSED.")
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
