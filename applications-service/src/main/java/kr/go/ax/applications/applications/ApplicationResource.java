package kr.go.ax.applications.applications;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.idempotency.Idempotency;
import kr.go.ax.common.region.Region;
import kr.go.ax.common.web.ETags;
import kr.go.ax.common.web.PageResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Regions' applications to calls and their lifecycle")
@Authenticated
public class ApplicationResource {
    private final ApplicationService service;
    private final ApplicationRepository applications;
    private final ApplicationTransitionRepository transitions;
    private final ApplicationAccess access;
    private final Idempotency idempotency;
    private final Caller caller;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    public ApplicationResource(ApplicationService service, ApplicationRepository applications,
            ApplicationTransitionRepository transitions, ApplicationAccess access, Idempotency idempotency,
            Caller caller, Clock clock, com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.service = service;
        this.applications = applications;
        this.transitions = transitions;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Create a DRAFT application for the caller's own region", description = "Creates a DRAFT "
            + "application to a call for the region named in the caller's token; only region callers may call it "
            + "(others get 403), and the draft may still be incomplete. An unknown call answers 422 CALL_NOT_FOUND, "
            + "a region the call excludes 422 REGION_NOT_ELIGIBLE, a CLOSED or DECIDED call 409 CALL_NOT_OPEN and "
            + "unknown or invalid properties 400 VALIDATION_FAILED. With an Idempotency-Key a retry replays the first "
            + "response.")
    @APIResponse(responseCode = "201", description = "Created, with its ETag",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "409", description = "CALL_NOT_OPEN: the call no longer takes applications",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Unknown call or region not eligible", content = @Content(
            mediaType = "application/problem+json"))
    public Response create(@NotNull @Valid ApplicationContent content,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        String region = caller.requireRegion();
        return idempotency.execute(idempotencyKey, caller.subject(), "POST", "/api/v1/applications", content, () -> {
            Application a = service.create(content, region, caller.subject(), clock.instant());
            return Response.created(URI.create("/api/v1/applications/" + a.id))
                    .tag(etag(a)).entity(ApplicationResponse.of(a)).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one application; the ETag is its version", description = "Returns one application "
            + "with its version in the ETag header. Admins see every application, a region its own, evaluators any "
            + "that is not DRAFT, and portals only decided ones (SELECTED, RESERVE, NOT_SELECTED), with the public "
            + "fields only and no ETag. Anything else answers 404 NOT_FOUND, so another region's application is not "
            + "disclosed.")
    @APIResponse(responseCode = "200", description = "The application (a portal sees the public fields only)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not the caller's to see",
            content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") UUID id) {
        Application a = access.visible(applications.findById(id), id);
        if (access.seesPublicFieldsOnly()) {
            return Response.ok(ApplicationResponse.Public.of(a)).build();
        }
        return Response.ok(ApplicationResponse.of(a)).tag(etag(a)).build();
    }

    @GET
    @Operation(summary = "List applications the caller may see, oldest first (stable order)", description = "Lists "
            + "applications oldest first, optionally by callId, status and region (an ISO 3166-2:KR code such as "
            + "KR-26, else 400), in pages of up to 100. Admins see all, a region only its own, evaluators all but "
            + "DRAFT ones and portals only decided ones; portals get the public fields only. Every authenticated "
            + "caller may call it.")
    public PageResponse<Object> list(@QueryParam("callId") UUID callId,
            @QueryParam("status") ApplicationStatus status,
            @QueryParam("region") String region,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (region != null && !Region.isValidCode(region)) {
            throw kr.go.ax.common.problem.ProblemException.invalid("region", "region-code",
                    "must be an ISO 3166-2:KR code such as KR-26");
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (callId != null) {
            where.add("callId = :callId");
            params.and("callId", callId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (region != null) {
            where.add("regionCode = :region");
            params.and("region", region);
        }
        // The caller's own limits, as in ApplicationAccess.
        if (caller.is(Roles.ADMIN)) {
            // everything
        } else if (caller.is(Roles.REGION)) {
            where.add("regionCode = :own");
            params.and("own", caller.requireRegion());
        } else if (caller.is(Roles.EVALUATOR)) {
            where.add("status <> :draft");
            params.and("draft", ApplicationStatus.DRAFT);
        } else {
            where.add("status in :decided");
            params.and("decided", ApplicationStatus.DECIDED);
        }
        PanacheQuery<Application> query = applications.find(String.join(" and ", where),
                Sort.ascending("createdAt").and("id"), params);
        boolean publicOnly = access.seesPublicFieldsOnly();
        List<Object> items = query.page(Page.of(page, size)).list().stream()
                .map(a -> publicOnly ? (Object) ApplicationResponse.Public.of(a) : ApplicationResponse.of(a))
                .toList();
        return new PageResponse<>(items, page, size, query.count());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Replace a DRAFT or BUDGET_REJECTED application; If-Match with its ETag is required",
            description = "Replaces the content of a DRAFT or BUDGET_REJECTED application so it can be (re)submitted; "
                    + "only the owning region may call it (another region's answers 404, other roles 403). Without "
                    + "If-Match it answers 428 PRECONDITION_REQUIRED, with a stale one 412 STALE_VERSION, in another "
                    + "status 409 APPLICATION_NOT_EDITABLE, and a different callId 400 VALIDATION_FAILED.")
    @APIResponse(responseCode = "200", description = "Replaced, with the new ETag",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "409", description = "Not editable in its status", content = @Content(
            mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(
            mediaType = "application/problem+json"))
    @APIResponse(responseCode = "428", description = "If-Match is required", content = @Content(
            mediaType = "application/problem+json"))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid ApplicationContent content,
            @HeaderParam("If-Match") String ifMatch) {
        long expected = ETags.requiredVersion(ifMatch);
        Application a = service.update(id, access, content, expected, clock.instant());
        return Response.ok(ApplicationResponse.of(a)).tag(etag(a)).build();
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD) // an action: no body needed
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Submit the application; answers 202 with a receipt while the budget is assessed",
            description = "Submits a DRAFT application, or resubmits a BUDGET_REJECTED one, and answers 202 with a "
                    + "receipt (submission number, server time, SHA-256 of the content) while budget-service "
                    + "assesses it, moving it to ELIGIBLE or BUDGET_REJECTED. Only the owning region may call it, "
                    + "while the call is OPEN and before closesAt (else 409 CALL_NOT_OPEN or DEADLINE_PASSED). Other "
                    + "errors: 409 INVALID_TRANSITION in another status, 409 DUPLICATE_APPLICATION when the region "
                    + "has another active application, 422 REGION_NOT_ELIGIBLE, 422 INCOMPLETE_APPLICATION and 422 "
                    + "FISCAL_YEAR_OUTSIDE_CALL for budget years the call does not fund.")
    @APIResponse(responseCode = "202", description = "Received; the budget is assessed next",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApplicationResponse.SubmissionReceipt.class)))
    @APIResponse(responseCode = "409", description = "Not submittable now: INVALID_TRANSITION, CALL_NOT_OPEN, "
            + "DEADLINE_PASSED or DUPLICATE_APPLICATION", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "INCOMPLETE_APPLICATION, REGION_NOT_ELIGIBLE or "
            + "FISCAL_YEAR_OUTSIDE_CALL", content = @Content(
            mediaType = "application/problem+json"))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST", "/api/v1/applications/" + id
                + "/submit", id, () -> {
                    Application a = service.submit(id, access, caller.subject(), clock.instant());
                    return Response.accepted(new ApplicationResponse.SubmissionReceipt(a.id, a.status,
                            a.submission, a.submittedAt, a.contentSha256)).tag(etag(a)).build();
                });
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.WILDCARD) // an action: no body needed
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Withdraw the application before the decision", description = "Withdraws the application, "
            + "with an optional reason (at most 1000 characters) kept in its history. Only the owning region may call "
            + "it, in any status before the decision and, to renounce, when SELECTED or RESERVE; a NOT_SELECTED or "
            + "WITHDRAWN application answers 409 INVALID_TRANSITION. An Idempotency-Key makes retries safe.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "409", description = "Not withdrawable in its status", content = @Content(
            mediaType = "application/problem+json"))
    public Response withdraw(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Optional reason for the withdrawal",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ApplicationResponse.WithdrawRequest.class)))
            String body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) throws java.io.IOException {
        // The body is optional ({"reason": "…"}), so it is read here rather than bound by content type.
        ApplicationResponse.WithdrawRequest read = body == null || body.isBlank() ? null
                : objectMapper.readValue(body, ApplicationResponse.WithdrawRequest.class);
        // No body, an empty one and a JSON null all mean: no reason given.
        ApplicationResponse.WithdrawRequest request = read == null ? new ApplicationResponse.WithdrawRequest(null) : read;
        if (request.reason() != null && request.reason().length() > 1000) {
            throw kr.go.ax.common.problem.ProblemException.invalid("reason", "size", "must be at most 1000 characters");
        }
        return idempotency.execute(idempotencyKey, caller.subject(), "POST", "/api/v1/applications/" + id
                + "/withdraw", request, () -> {
                    Application a = service.withdraw(id, access, request.reason(), caller.subject(),
                            clock.instant());
                    return Response.ok(ApplicationResponse.of(a)).tag(etag(a)).build();
                });
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every transition of the application: from, to, who, when, why", description = "Returns "
            + "the application's status transitions in the order they happened, from its creation on. Admins, the "
            + "owning region and evaluators (for applications past DRAFT) may read it; portals and anyone who may "
            + "not see the application get 404 NOT_FOUND.")
    public List<ApplicationResponse.Transition> history(@PathParam("id") UUID id) {
        Application a = access.visible(applications.findById(id), id);
        if (access.seesPublicFieldsOnly()) {
            throw kr.go.ax.common.problem.ProblemException.notFound("Application", id);
        }
        return transitions.history(a.id).stream()
                .map(t -> new ApplicationResponse.Transition(t.fromStatus, t.toStatus, t.actor, t.at, t.reason))
                .toList();
    }

    private static EntityTag etag(Application a) {
        return new EntityTag(Long.toString(a.version));
    }
}
