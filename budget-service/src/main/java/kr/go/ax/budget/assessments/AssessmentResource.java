package kr.go.ax.budget.assessments;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.go.ax.budget.rules.Totals;
import kr.go.ax.budget.rules.Violation;
import kr.go.ax.common.events.ApplicationSnapshot;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/budget/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Budget assessments", description = "The stored verdict on each submitted budget")
@Authenticated
public class AssessmentResource {
    private final AssessmentRepository assessments;
    private final Caller caller;

    public AssessmentResource(AssessmentRepository assessments, Caller caller) {
        this.assessments = assessments;
        this.caller = caller;
    }

    public record AssessmentResponse(UUID applicationId, UUID callId, String region, int submission,
            long rulesVersion, String verdict, List<Violation> violations, List<Totals> years, Totals overall,
            List<ApplicationSnapshot.Project> input, Instant assessedAt) {
    }

    @GET
    @Path("/{applicationId}")
    @Operation(summary = "The assessment of the application's latest submission: input, rules version, verdict,"
            + " violations, totals")
    public AssessmentResponse get(@PathParam("applicationId") UUID applicationId) {
        Assessment a = assessments.latest(applicationId)
                .filter(this::maySee)
                .orElseThrow(() -> ProblemException.notFound("Budget assessment of application", applicationId));
        return new AssessmentResponse(a.applicationId, a.callId, a.regionCode, a.submission, a.rulesVersion,
                a.verdict, a.violations, a.yearTotals, a.overallTotals, a.input, a.assessedAt);
    }

    /** Admins and evaluators read all; a region only its own (others answer 404). */
    private boolean maySee(Assessment a) {
        return caller.is(Roles.ADMIN) || caller.is(Roles.EVALUATOR)
                || caller.ownsRegion(a.regionCode);
    }
}
