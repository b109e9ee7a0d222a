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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.web.PageResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Programme calls (공모): admins manage them, every caller reads them")
@Authenticated
public class CallResource {
    private final CallService service;
    private final CallRepository calls;

    public CallResource(CallService service, CallRepository calls) {
        this.service = service;
        this.calls = calls;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a call in DRAFT")
    public Response create(@NotNull @Valid CallRequest request) {
        Call call = service.create(request);
        return Response.created(URI.create("/api/v1/calls/" + call.id)).entity(CallResponse.of(call)).build();
    }

    @GET
    @Operation(summary = "List calls, newest first")
    public PageResponse<CallResponse> list(@QueryParam("status") CallStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = status == null ? calls.findAll(Sort.descending("createdAt"))
                : calls.find("status", Sort.descending("createdAt"), status);
        var items = query.page(Page.of(page, size)).list().stream().map(CallResponse::of).toList();
        return new PageResponse<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one call")
    public CallResponse get(@PathParam("id") UUID id) {
        return CallResponse.of(service.get(id));
    }
}
