package kr.go.ax.evaluation.appeals;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.evaluation.appeals.AppealService.AppealView;
import kr.go.ax.evaluation.evaluations.EvaluatedApplication;
import kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals", description = "Appeals against a decision and their resolution")
@Authenticated
public class AppealResource {
    private final AppealService appealService;
    private final AppealRepository appeals;
    private final EvaluatedApplicationRepository applications;
    private final Caller caller;

    public AppealResource(AppealService appealService, AppealRepository appeals,
            EvaluatedApplicationRepository applications, Caller caller) {
        this.appealService = appealService;
        this.appeals = appeals;
        this.applications = applications;
        this.caller = caller;
    }

    @Schema(description = "A region's appeal (이의신청) against the decided outcome of its application")
    public record AppealRequest(
            @Schema(description = "Why the decision is contested: an evaluator's error, a misreading of the"
                    + " application, or an administrative error")
            @NotNull Appeal.Ground ground,
            @Schema(description = "The region's reasons, at most 4000 characters",
                    example = "The PRESENTATION score for FEASIBILITY ignores the signed matching-fund commitment of"
                            + " Busan Metropolitan City (appendix 4), which covers 30% of the 2026 budget.")
            @NotBlank @Size(max = 4000) String statement) {
    }

    @Schema(description = "An admin's resolution of a FILED appeal")
    public record ResolutionRequest(
            @Schema(description = "UPHELD or DISMISSED (FILED is refused with 400)")
            @NotNull Appeal.Status outcome,
            @Schema(description = "The written resolution sent back to the region, at most 4000 characters",
                    example = "Upheld: evaluator C scored FEASIBILITY without the matching-fund commitment; the sheet"
                            + " is voided and the PRESENTATION stage is re-scored.")
            @NotBlank @Size(max = 4000) String resolution,
            @Schema(description = "Only when UPHELD: active score sheets of the application to void (at most 100,"
                    + " distinct); voided sheets no longer count but are kept and audited")
            @Size(max = 100) List<@NotNull UUID> voidScoreSheetIds) {
    }

    @POST
    @Path("/applications/{applicationId}/appeals")
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Appeal the decision on the region's own application, within the appeal window (422 after);"
            + " one appeal under review at a time",
            description = "A region (role region) appeals the decided outcome of its own application, giving a ground"
                    + " and its reasons; another region's application answers 404. The appeal window runs from when"
                    + " the application's outcome was last decided (7 days by default): after it, 422"
                    + " APPEAL_WINDOW_CLOSED. Returns 409 NOT_DECIDED when the application has no decided outcome to"
                    + " appeal, and 409 APPEAL_PENDING while an earlier appeal of it is still FILED.")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "409", description = "Not decided, or an appeal is under review",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The appeal window has closed",
            content = @Content(mediaType = "application/problem+json"))
    public Response file(@PathParam("applicationId") UUID applicationId, @NotNull @Valid AppealRequest request) {
        EvaluatedApplication application = ownApplication(applicationId);
        Appeal appeal = appealService.file(application, request.ground(), request.statement(), caller.subject());
        return Response.status(Response.Status.CREATED).entity(AppealView.of(appeal)).build();
    }

    @GET
    @Path("/applications/{applicationId}/appeals")
    @RolesAllowed({Roles.REGION, Roles.ADMIN})
    @Operation(summary = "The appeals of an application (a region sees only its own)",
            description = "Lists the appeals of one application, oldest first. Admins may read any application's"
                    + " appeals; a region reads only those of its own applications, and another region's"
                    + " application answers 404.")
    public List<AppealView> ofApplication(@PathParam("applicationId") UUID applicationId) {
        if (!caller.is(Roles.ADMIN)) {
            ownApplication(applicationId);
        }
        return appeals.of(applicationId).stream().map(AppealView::of).toList();
    }

    @GET
    @Path("/appeals")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Appeals, optionally of one call and in one status, oldest first",
            description = "Admin only: the appeals across calls, oldest filing first, optionally filtered by call and"
                    + " by status (FILED, UPHELD, DISMISSED); at most 500 are returned. Use status=FILED for the"
                    + " appeals awaiting a resolution.")
    public List<AppealView> list(@QueryParam("callId") UUID callId, @QueryParam("status") Appeal.Status status) {
        StringBuilder query = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (callId != null) {
            query.append(" and callId = :callId");
            params.and("callId", callId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return appeals.find(query.toString(), io.quarkus.panache.common.Sort.ascending("filedAt", "id"), params)
                .page(0, 500).list().stream().map(AppealView::of).toList();
    }

    @POST
    @Path("/appeals/{appealId}/resolution")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Resolve an appeal: UPHELD (optionally voiding named score sheets; reopens the"
            + " application's scoring until the next decision version) or DISMISSED",
            description = "Admin only: resolves a FILED appeal with a written resolution. UPHELD may void named active"
                    + " score sheets of the application and reopens its scoring until the next decision version;"
                    + " DISMISSED voids nothing (400 when sheets are named, or when the outcome is FILED). Returns 404"
                    + " for an unknown appeal, 409 APPEAL_RESOLVED when it was resolved already, and 422 SHEETS_INVALID"
                    + " when a named sheet is not an active sheet of the application or is listed twice.")
    public AppealView resolve(@PathParam("appealId") UUID appealId, @NotNull @Valid ResolutionRequest request) {
        if (request.outcome() == Appeal.Status.FILED) {
            throw ProblemException.invalid("outcome", "resolution", "must be UPHELD or DISMISSED");
        }
        return AppealView.of(appealService.resolve(appealId, request.outcome(), request.resolution(),
                request.voidScoreSheetIds(), caller.subject()));
    }

    /** The caller region's application; another region's is answered 404, as if it did not exist. */
    private EvaluatedApplication ownApplication(UUID applicationId) {
        return applications.findByIdOptional(applicationId).filter(a -> caller.ownsRegion(a.regionCode))
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
    }
}
