package kr.go.ax.applications.calls;

import io.quarkus.panache.common.Page;
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
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.idempotency.Idempotency;
import kr.go.ax.common.web.ETags;
import kr.go.ax.common.web.PageResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Programme calls (공모): admins manage them, every caller reads them")
@Authenticated
public class CallResource {
    private final CallService service;
    private final CallRepository calls;
    private final Idempotency idempotency;
    private final Caller caller;
    private final Clock clock;

    public CallResource(CallService service, CallRepository calls, Idempotency idempotency, Caller caller,
            Clock clock) {
        this.service = service;
        this.calls = calls;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a call in DRAFT", description = "Creates a programme call in DRAFT status; only "
            + "admins may call it (others get 403). Besides field validation, closesAt must follow opensAt, fiscal "
            + "years must not repeat, the per-region reference must fit in the pool, the two shares must not exceed "
            + "10000 bp, excluded regions must be ISO 3166-2:KR codes and evaluation weights must add up to 100 "
            + "(400 VALIDATION_FAILED); a code in use answers 409 CALL_CODE_TAKEN. With an Idempotency-Key a retry "
            + "replays the first response, and the same key with another body answers 422.")
    @APIResponse(responseCode = "201", description = "Created, with its ETag",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CallResponse.class)))
    public Response create(@NotNull @Valid CallRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST", "/api/v1/calls", request, () -> {
            Call call = service.create(request);
            return withETag(Response.created(URI.create("/api/v1/calls/" + call.id)), call).build();
        });
    }

    @GET
    @Operation(summary = "List calls, newest first", description = "Lists programme calls, newest first, "
            + "optionally only those in one status, in pages of up to 100 (page from 0). Any authenticated caller "
            + "(admin, region, evaluator or portal) may call it; total counts every matching call.")
    public PageResponse<CallResponse> list(@QueryParam("status") CallStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Sort order = Sort.descending("createdAt").and("id");
        var query = status == null ? calls.findAll(order) : calls.find("status", order, status);
        var items = query.page(Page.of(page, size)).list().stream().map(CallResponse::of).toList();
        return new PageResponse<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one call; the ETag is its version", description = "Returns one programme call, "
            + "with its version in the ETag header to send as If-Match when replacing it. Any authenticated caller "
            + "(admin, region, evaluator or portal) may read calls; an unknown id answers 404 NOT_FOUND.")
    @APIResponse(responseCode = "200", description = "The call, with its ETag",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CallResponse.class)))
    @APIResponse(responseCode = "404", description = "No such call", content = @Content(
            mediaType = "application/problem+json"))
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a DRAFT call; send If-Match with the ETag you read to avoid lost updates",
            description = "Replaces the whole content of a call while it is DRAFT, with the same validation as on "
                    + "creation (400 VALIDATION_FAILED); only admins may call it. If-Match is optional, but a stale "
                    + "one answers 412 STALE_VERSION; a call past DRAFT answers 409 CALL_NOT_DRAFT, a code held by "
                    + "another call 409 CALL_CODE_TAKEN and an unknown id 404.")
    @APIResponse(responseCode = "200", description = "Replaced, with the new ETag",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CallResponse.class)))
    @APIResponse(responseCode = "404", description = "No such call", content = @Content(
            mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The call is not a DRAFT any more", content = @Content(
            mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(
            mediaType = "application/problem+json"))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid CallRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Call call = service.update(id, request, ETags.expectedVersion(ifMatch));
        return withETag(Response.ok(), call).build();
    }

    @POST
    @Path("/{id}/open")
    @Consumes(MediaType.WILDCARD) // an action: no body needed
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open a DRAFT call for applications; its rules are frozen from now on",
            description = "Moves a DRAFT call to OPEN so that regions can submit applications; from then on its "
                    + "content cannot change. Only admins may call it; a call in another status answers 409 "
                    + "INVALID_TRANSITION, one whose closesAt has passed 409 CALL_DEADLINE_PASSED and an unknown id "
                    + "404. An Idempotency-Key makes retries safe.")
    @APIResponse(responseCode = "200", description = "Opened",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CallResponse.class)))
    @APIResponse(responseCode = "409", description = "Not a DRAFT", content = @Content(
            mediaType = "application/problem+json"))
    public Response open(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST", "/api/v1/calls/" + id + "/open", id,
                () -> withETag(Response.ok(), service.open(id, clock.instant())).build());
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD) // an action: no body needed
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close an OPEN call before its deadline (it also closes by itself at closesAt)",
            description = "Moves an OPEN call to CLOSED ahead of its deadline, after which no application can be "
                    + "submitted; the service also closes OPEN calls by itself once closesAt passes. Only admins may "
                    + "call it; a call that is not OPEN answers 409 INVALID_TRANSITION and an unknown id 404. An "
                    + "Idempotency-Key makes retries safe.")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CallResponse.class)))
    @APIResponse(responseCode = "409", description = "Not OPEN", content = @Content(
            mediaType = "application/problem+json"))
    public Response close(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST", "/api/v1/calls/" + id + "/close", id,
                () -> withETag(Response.ok(), service.close(id, clock.instant())).build());
    }

    private static Response.ResponseBuilder withETag(Response.ResponseBuilder builder, Call call) {
        return builder.tag(new EntityTag(Long.toString(call.version))).entity(CallResponse.of(call));
    }
}
