package kr.go.ax.evaluation.panels;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.evaluation.evaluators.EvaluatorRepository;
import kr.go.ax.evaluation.evaluators.EvaluatorResource.EvaluatorResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation/calls/{callId}/panel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Panels", description = "The evaluation committee of a call")
@RolesAllowed(Roles.ADMIN)
public class PanelResource {
    /** Trimmed means drop the highest and lowest score, so a panel needs at least five members. */
    static final int MIN_MEMBERS = 5;

    private final PanelRepository panels;
    private final EvaluatorRepository evaluators;
    private final kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository applications;
    private final Clock clock;

    public PanelResource(PanelRepository panels, EvaluatorRepository evaluators,
            kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository applications, Clock clock) {
        this.applications = applications;
        this.panels = panels;
        this.evaluators = evaluators;
        this.clock = clock;
    }

    @Schema(description = "The members to appoint to a call's evaluation committee")
    public record PanelRequest(
            @Schema(description = "Ids of registered evaluators: at least 5, at most 50, each named once")
            @NotNull @Size(max = 50) List<@NotNull UUID> evaluatorIds) {
    }

    @Schema(description = "A call's evaluation committee")
    public record PanelResponse(
            @Schema(description = "The call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e") UUID callId,
            @Schema(description = "The members, in the order they were appointed")
            List<EvaluatorResponse> evaluators) {
    }

    @PUT
    @Transactional
    @Operation(summary = "Appoint the call's panel: at least 5 distinct registered evaluators",
            description = "Admin only: appoints or replaces the call's evaluation committee; trimmed means drop each"
                    + " criterion's highest and lowest score, so at least 5 distinct registered evaluators are needed"
                    + " (400 naming each duplicate, missing or unknown id otherwise). Returns 409 PANEL_FROZEN once the"
                    + " evaluation of the call has started.")
    public PanelResponse put(@PathParam("callId") UUID callId, @NotNull @jakarta.validation.Valid PanelRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (new HashSet<>(request.evaluatorIds()).size() != request.evaluatorIds().size()) {
            violations.add(new FieldViolation("evaluatorIds", "distinct", "must not name an evaluator twice"));
        }
        if (request.evaluatorIds().size() < MIN_MEMBERS) {
            violations.add(new FieldViolation("evaluatorIds", "min-members",
                    "a panel needs at least " + MIN_MEMBERS + " evaluators"));
        }
        for (int i = 0; i < request.evaluatorIds().size(); i++) {
            if (evaluators.findByIdOptional(request.evaluatorIds().get(i)).isEmpty()) {
                violations.add(new FieldViolation("evaluatorIds[" + i + "]", "exists",
                        "no evaluator " + request.evaluatorIds().get(i) + " is registered"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (applications.count("callId = ?1 and evaluationStartedAt is not null", callId) > 0) {
            throw ProblemException.conflict("PANEL_FROZEN", "The evaluation of call " + callId + " has started; the"
                    + " panel whose scores count no longer changes");
        }
        Panel panel = panels.findByIdOptional(callId).orElse(null);
        boolean isNew = panel == null;
        if (isNew) {
            panel = new Panel();
            panel.callId = callId;
        }
        panel.evaluatorIds = List.copyOf(request.evaluatorIds());
        panel.updatedAt = clock.instant();
        if (isNew) {
            panels.persist(panel);
        }
        return view(panel);
    }

    @GET
    @Operation(summary = "The call's panel",
            description = "Admin only: the call's evaluation committee with each member's registration details."
                    + " Returns 404 when no panel was appointed for the call.")
    public PanelResponse get(@PathParam("callId") UUID callId) {
        return view(panels.findByIdOptional(callId)
                .orElseThrow(() -> ProblemException.notFound("Panel of call", callId)));
    }

    private PanelResponse view(Panel panel) {
        return new PanelResponse(panel.callId, panel.evaluatorIds.stream()
                .map(id -> EvaluatorResponse.of(evaluators.findById(id))).toList());
    }
}
