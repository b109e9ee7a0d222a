package kr.go.ax.applications.progress;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kr.go.ax.applications.applications.Application;
import kr.go.ax.applications.applications.ApplicationRepository;
import kr.go.ax.common.bulk.LineResult;
import kr.go.ax.common.bulk.NdjsonLines.Numbered;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.idempotency.Idempotency;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications/{id}/progress-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress reports", description = "Period reports of selected applications, pushed by regions' systems")
@Authenticated
public class ProgressReportResource {
    private final ProgressReportService service;
    private final ProgressReportRepository reports;
    private final ApplicationRepository applications;
    private final Idempotency idempotency;
    private final Caller caller;
    private final Clock clock;

    public ProgressReportResource(ProgressReportService service, ProgressReportRepository reports,
            ApplicationRepository applications, Idempotency idempotency, Caller caller, Clock clock) {
        this.service = service;
        this.reports = reports;
        this.applications = applications;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(description = "The outcome of one report: ACCEPTED (stored or changed) or UNCHANGED, and the report")
    public record StoredReport(@Schema(example = "ACCEPTED") String status, ProgressReportView report) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Report one period of a selected application (upsert by period)", description = "Stores"
            + " the region's report for the period, or replaces the one stored for it: 201 when new, 200 when"
            + " changed or UNCHANGED (same content). Only the owning region (others get 404 NOT_FOUND), only for a"
            + " SELECTED application (409 APPLICATION_NOT_SELECTED). 422 with the broken rules: INVALID_PERIOD,"
            + " PERIOD_OUTSIDE_CALL (not one of the call's fiscal years), PERIOD_IN_FUTURE, COUNTER_DECREASED"
            + " (cumulative counters never go down unless \"correction\": true), UNKNOWN_PROJECT,"
            + " DUPLICATE_PROJECT, COMPLETION_DATE_REQUIRED, COMPLETION_DATE_NOT_ALLOWED, COMPLETION_IN_FUTURE,"
            + " EXTERNAL_ID_CONFLICT. Idempotency-Key replays the first answer. Each stored change publishes"
            + " kr.go.ax.application.progress-reported.v1.")
    @APIResponse(responseCode = "201", description = "Stored for a new period", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = StoredReport.class)))
    @APIResponse(responseCode = "200", description = "Replaced the period's report, or UNCHANGED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = StoredReport.class)))
    @APIResponse(responseCode = "409", description = "APPLICATION_NOT_SELECTED",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule is broken; the violations name each field",
            content = @Content(mediaType = "application/problem+json"))
    public Response reportOne(@PathParam("id") UUID id, @NotNull @Valid ProgressReportInput input,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @jakarta.ws.rs.core.Context UriInfo uri) {
        String region = caller.requireRegion();
        if (input.applicationId() != null && !input.applicationId().equals(id)) {
            throw ProblemException.invalid("applicationId", "matches-path",
                    "must be the application of the path, or left out");
        }
        ProgressReportInput report = withApplication(input, id);
        return idempotency.execute(idempotencyKey, caller.subject(), "POST",
                "/api/v1/applications/" + id + "/progress-reports", report, () -> {
                    ProgressReportService.Outcome outcome = service.store(region, caller.subject(),
                            List.of(new Numbered<>(1, report)), clock.instant()).get(0);
                    LineResult result = outcome.result();
                    if (result.is(LineResult.REJECTED)) {
                        throw problem(id, result);
                    }
                    boolean created = result.is(LineResult.ACCEPTED) && outcome.report().revision == 1;
                    return Response.status(created ? 201 : 200)
                            .location(uri.getBaseUriBuilder().path("api/v1/applications/{id}/progress-reports/{p}")
                                    .build(id, outcome.report().period))
                            .entity(new StoredReport(result.status(), ProgressReportView.of(outcome.report())))
                            .build();
                });
    }

    @GET
    @Operation(summary = "The application's period reports, oldest period first", description = "Admins read any"
            + " application's reports, a region only its own; others get 404 NOT_FOUND.")
    public List<ProgressReportView> list(@PathParam("id") UUID id) {
        readable(id);
        return reports.ofApplication(id).stream().map(ProgressReportView::of).toList();
    }

    @GET
    @Path("/{period}")
    @Operation(summary = "One period's report", description = "The report stored for a period (2026-07 or"
            + " 2026-Q3). Admins and the owning region only; 404 NOT_FOUND otherwise or when there is none.")
    public ProgressReportView one(@PathParam("id") UUID id, @PathParam("period") String period) {
        readable(id);
        return reports.ofApplication(id).stream().filter(r -> r.period.equals(period)).findFirst()
                .map(ProgressReportView::of)
                .orElseThrow(() -> ProblemException.notFound("Progress report " + period + " of application", id));
    }

    private void readable(UUID id) {
        Application application = applications.findById(id);
        boolean allowed = application != null && (caller.is(Roles.ADMIN)
                || caller.is(Roles.REGION) && caller.ownsRegion(application.regionCode));
        if (!allowed) {
            throw ProblemException.notFound("Application", id);
        }
    }

    private static ProgressReportInput withApplication(ProgressReportInput in, UUID id) {
        return new ProgressReportInput(id, in.externalId(), in.period(), in.smesSupported(), in.solutionsDeployed(),
                in.traineesTrained(), in.aiAdoptionPct(), in.localVendorSharePct(), in.jobsCreated(),
                in.correction(), in.narrative(), in.milestones());
    }

    private static ProblemException problem(UUID id, LineResult result) {
        String code = result.errors().get(0).code();
        if ("NOT_FOUND".equals(code)) {
            return ProblemException.notFound("Application", id);
        }
        if ("APPLICATION_NOT_SELECTED".equals(code)) {
            return ProblemException.conflict(code, result.errors().get(0).message());
        }
        return new ProblemException(422, code, "Progress report rejected", String.join("; ", result.errors()
                .stream().map(e -> e.field() + ": " + e.message()).toList()), result.errors().stream()
                .map(e -> new FieldViolation(e.field(), e.code(), e.message())).toList());
    }
}
