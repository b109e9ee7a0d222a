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

    public record DeclarationRequest(@NotNull Boolean conflict, @NotBlank @Size(max = 2000) String statement) {
    }

    @GET
    @Path("/assignments")
    @Operation(summary = "The applications the calling evaluator must declare for and score, with exclusions")
    public List<Assignment> mine() {
        return assignments.assignments(assignments.evaluatorOf(caller.subject()));
    }

    @POST
    @Path("/applications/{applicationId}/declaration")
    @Transactional
    @Operation(summary = "Sign the conflict-of-interest declaration before scoring; declaring a conflict recuses")
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
