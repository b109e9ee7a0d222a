package kr.go.ax.evaluation.calls;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call settings", description = "What evaluation-service knows of each call")
@Authenticated
public class CallEvaluationSettingsResource {
    private final CallEvaluationSettingsRepository settings;

    public CallEvaluationSettingsResource(CallEvaluationSettingsRepository settings) {
        this.settings = settings;
    }

    public record SettingsResponse(UUID callId, String code, String callStatus, int slots, int reserveSlots,
            int documentWeightPct, int presentationWeightPct, long callVersion) {
    }

    @GET
    @Path("/{callId}/settings")
    @Operation(summary = "Stage weights and slots of a call, as evaluation-service holds them")
    public SettingsResponse get(@PathParam("callId") UUID callId) {
        CallEvaluationSettings s = settings.findByIdOptional(callId)
                .orElseThrow(() -> ProblemException.notFound("Evaluation settings of call", callId));
        return new SettingsResponse(s.callId, s.code, s.callStatus, s.slots, s.reserveSlots, s.documentWeightPct,
                s.presentationWeightPct, s.callVersion);
    }
}
