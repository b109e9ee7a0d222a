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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(description = "What evaluation-service holds of a call, from the call events of applications-service")
    public record SettingsResponse(
            @Schema(description = "The call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e") UUID callId,
            @Schema(description = "The call's code", example = "AX-2026-01") String code,
            @Schema(description = "The call's status as last reported: DRAFT, OPEN, CLOSED or DECIDED; evaluation"
                    + " starts once it is CLOSED", example = "CLOSED")
            String callStatus,
            @Schema(description = "How many applications can be SELECTED", example = "5") int slots,
            @Schema(description = "How many passing applications after them become RESERVE", example = "2")
            int reserveSlots,
            @Schema(description = "Weight of the DOCUMENT stage in the total, in percent", example = "40")
            int documentWeightPct,
            @Schema(description = "Weight of the PRESENTATION stage in the total, in percent", example = "60")
            int presentationWeightPct,
            @Schema(description = "Version of the call event this copy reflects; older events arriving late are"
                    + " ignored", example = "7")
            long callVersion) {
    }

    @GET
    @Path("/{callId}/settings")
    @Operation(summary = "Stage weights and slots of a call, as evaluation-service holds them",
            description = "Returns evaluation-service's copy of a call's settings (status, slots, reserve slots and"
                    + " stage weights), kept in step with the call events of applications-service. Any authenticated"
                    + " caller may read it; 404 when no event about the call has arrived yet.")
    public SettingsResponse get(@PathParam("callId") UUID callId) {
        CallEvaluationSettings s = settings.findByIdOptional(callId)
                .orElseThrow(() -> ProblemException.notFound("Evaluation settings of call", callId));
        return new SettingsResponse(s.callId, s.code, s.callStatus, s.slots, s.reserveSlots, s.documentWeightPct,
                s.presentationWeightPct, s.callVersion);
    }
}
