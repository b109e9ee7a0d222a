package kr.go.ax.evaluation.rubrics;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation/calls/{callId}/rubric")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rubrics", description = "Scoring criteria and pass marks per call")
@Authenticated
public class RubricResource {
    private final RubricRepository rubrics;
    private final kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository applications;
    private final Caller caller;
    private final Clock clock;

    public RubricResource(RubricRepository rubrics,
            kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository applications, Caller caller, Clock clock) {
        this.rubrics = rubrics;
        this.applications = applications;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(description = "The rubric a call's applications are scored against")
    public record RubricResponse(
            @Schema(description = "The call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e") UUID callId,
            @Schema(description = "true when the call has no rubric of its own and the programme default applies",
                    example = "false")
            boolean isDefault,
            @Schema(description = "Criteria and pass marks") RubricContent rubric) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EVALUATOR})
    @Operation(summary = "The call's rubric (the programme default when none was set)",
            description = "Admins and evaluators read the criteria of each stage with their maximum points, the pass"
                    + " total and the per-criterion pass percentage. When no rubric was set for the call, the"
                    + " programme default is returned with isDefault true, also for a call unknown here.")
    public RubricResponse get(@PathParam("callId") UUID callId) {
        return rubrics.findByIdOptional(callId).map(r -> new RubricResponse(callId, false, r.content))
                .orElseGet(() -> new RubricResponse(callId, true, RubricContent.defaults()));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Set the call's rubric before its evaluation starts (409 after): each stage's criteria add up"
            + " to 100 points, codes unique per stage",
            description = "Admin only: sets or replaces the call's rubric. The DOCUMENT and the PRESENTATION criteria"
                    + " must each add up to exactly 100 points, with codes unique within a stage (400 naming each"
                    + " break). Returns 409 RUBRIC_FROZEN once the evaluation of the call has started, so every score"
                    + " is given against the same rubric.")
    public RubricResponse put(@PathParam("callId") UUID callId, @NotNull @Valid RubricContent content) {
        checkStages(content);
        if (applications.count("callId = ?1 and evaluationStartedAt is not null", callId) > 0) {
            throw ProblemException.conflict("RUBRIC_FROZEN", "The evaluation of call " + callId
                    + " has started; its rubric no longer changes, so every score is given against the same one");
        }
        Rubric rubric = rubrics.findByIdOptional(callId).orElse(null);
        boolean isNew = rubric == null;
        if (isNew) {
            rubric = new Rubric();
            rubric.callId = callId;
        }
        rubric.content = content;
        rubric.updatedBy = caller.subject();
        rubric.updatedAt = clock.instant();
        if (isNew) {
            rubrics.persist(rubric);
        }
        return new RubricResponse(callId, false, content);
    }

    /** Rules across criteria: every stage present, out of 100 points, no code twice in a stage. */
    static void checkStages(RubricContent content) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<Stage, Integer> points = new EnumMap<>(Stage.class);
        Map<Stage, Set<String>> codes = new EnumMap<>(Stage.class);
        for (int i = 0; i < content.criteria().size(); i++) {
            RubricContent.Criterion c = content.criteria().get(i);
            points.merge(c.stage(), c.maxPoints(), Integer::sum);
            if (!codes.computeIfAbsent(c.stage(), s -> new HashSet<>()).add(c.code())) {
                violations.add(new FieldViolation("criteria[" + i + "].code", "unique-per-stage",
                        c.code() + " appears twice in stage " + c.stage()));
            }
        }
        for (Stage stage : Stage.values()) {
            int total = points.getOrDefault(stage, 0);
            if (total != 100) {
                violations.add(new FieldViolation("criteria", "stage-total",
                        "the " + stage + " criteria add up to " + total + " points; each stage must total 100"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
