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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(description = "The stored verdict on one submission of an application's budget")
    public record AssessmentResponse(
            @Schema(description = "The application", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
            UUID applicationId,
            @Schema(description = "The call applied to", example = "9b2e7c41-0d3a-4f6b-8e15-2c7a9d4b6e80")
            UUID callId,
            @Schema(description = "The applying region, ISO 3166-2:KR", example = "KR-26") String region,
            @Schema(description = "Which submission of the application was assessed (1 for the first)",
                    example = "1")
            int submission,
            @Schema(description = "Version of the call whose rules the budget was judged by", example = "3")
            long rulesVersion,
            @Schema(description = "APPROVED when no rule is broken, otherwise REJECTED", example = "APPROVED")
            String verdict,
            @Schema(description = "Every broken rule; empty when APPROVED") List<Violation> violations,
            @Schema(description = "Sums and shares of each fiscal year") List<Totals> years,
            @Schema(description = "Sums and shares of the whole budget") Totals overall,
            @Schema(description = "The projects and budget lines as submitted") List<ApplicationSnapshot.Project> input,
            @Schema(description = "When the submission was assessed", example = "2026-03-10T09:00:00Z")
            Instant assessedAt) {
    }

    @GET
    @Path("/{applicationId}")
    @Operation(summary = "The assessment of the application's latest submission: input, rules version, verdict,"
            + " violations, totals",
            description = "budget-service assesses every submitted application against its call's co-financing rules"
                    + " and stores the verdict (APPROVED or REJECTED); this returns the one for the latest"
                    + " submission. Admins and evaluators may read any assessment, a region only its own"
                    + " applications'. 404 NOT_FOUND when there is no assessment (yet) or the caller may not see it,"
                    + " as for portals and other regions.")
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
