package kr.go.ax.evaluation.conflicts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.evaluation.conflicts.AssignmentService.Assignment;
import kr.go.ax.evaluation.evaluators.Evaluator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conflicts of interest", description = "Assignments, automatic exclusions and signed declarations")
@RolesAllowed(Roles.EVALUATOR)
public class ConflictResource {
    private final AssignmentService assignments;
    private final DeclarationRepository declarations;
    private final Caller caller;
    private final Clock clock;

    public ConflictResource(AssignmentService assignments, DeclarationRepository declarations, Caller caller,
            Clock clock) {
        this.assignments = assignments;
        this.declarations = declarations;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(description = "An evaluator's signed conflict-of-interest declaration for one application")
    public record DeclarationRequest(
            @Schema(description = "true declares a conflict of interest, which recuses the evaluator (회피) from the"
                    + " application", example = "false")
            @NotNull Boolean conflict,
            @Schema(description = "The signed statement, at most 2000 characters",
                    example = "I have no personal, financial or institutional ties to the applicant region, its lead"
                            + " agency or its partners.")
            @NotBlank @Size(max = 2000) String statement) {
    }

    @GET
    @Path("/assignments")
    @Operation(summary = "The applications the calling evaluator must declare for and score, with exclusions",
            description = "Evaluator only: every application in evaluation on the calls whose panel includes the"
                    + " caller, each with its status: TO_DECLARE, TO_SCORE, RECUSED, or EXCLUDED with the automatic"
                    + " exclusion (SAME_REGION, LEAD_AGENCY or PARTNER). Returns 403 when the caller is not a"
                    + " registered evaluator.")
    public List<Assignment> mine() {
        return assignments.assignments(assignments.evaluatorOf(caller.subject()));
    }

    @POST
    @Path("/applications/{applicationId}/declaration")
    @Transactional
    @Operation(summary = "Sign the conflict-of-interest declaration before scoring; declaring a conflict recuses",
            description = "Evaluator only: the caller signs their declaration for one application, which scoring"
                    + " requires; declaring a conflict recuses them from it, and the updated assignment is returned."
                    + " Returns 404 when the application is not in evaluation on one of the caller's panels, 403 when"
                    + " the caller is automatically excluded or not a registered evaluator, and 409 ALREADY_DECLARED"
                    + " when a declaration is signed already (it cannot be changed).")
    public Assignment declare(@PathParam("applicationId") UUID applicationId,
            @NotNull @Valid DeclarationRequest request) {
        Evaluator evaluator = assignments.evaluatorOf(caller.subject());
        Assignment assignment = assignments.assignment(evaluator, applicationId);
        if (Assignment.EXCLUDED.equals(assignment.status())) {
            throw ProblemException.forbidden("You are excluded from this application (" + assignment.exclusion()
                    + ")");
        }
        if (!Assignment.TO_DECLARE.equals(assignment.status())) {
            throw ProblemException.conflict("ALREADY_DECLARED", "Your declaration for " + applicationId
                    + " is signed; it cannot be changed");
        }
        Declaration declaration = new Declaration();
        declaration.applicationId = applicationId;
        declaration.evaluatorId = evaluator.id;
        declaration.conflict = request.conflict();
        declaration.statement = request.statement().strip();
        declaration.declaredAt = clock.instant();
        declarations.persist(declaration);
        return assignments.assignment(evaluator, applicationId);
    }
}
