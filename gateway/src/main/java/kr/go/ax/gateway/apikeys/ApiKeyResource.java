package kr.go.ax.gateway.apikeys;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.go.ax.gateway.web.GatewayProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/gateway/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys of machine clients: portals and regional IT systems")
@RolesAllowed("admin")
public class ApiKeyResource {
    /** ISO 3166-2:KR: the 17 metropolitan and provincial governments. */
    static final Set<String> REGIONS = Set.of("KR-11", "KR-26", "KR-27", "KR-28", "KR-29", "KR-30", "KR-31", "KR-50",
            "KR-41", "KR-42", "KR-43", "KR-44", "KR-45", "KR-46", "KR-47", "KR-48", "KR-49");

    private final ApiKeyService service;
    private final ApiKeyRepository keys;
    private final SecurityIdentity caller;

    public ApiKeyResource(ApiKeyService service, ApiKeyRepository keys, SecurityIdentity caller) {
        this.service = service;
        this.keys = keys;
        this.caller = caller;
    }

    public record CreateRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
                    message = "2-64 lower-case letters, digits, dots, dashes or underscores") String name,
            @NotEmpty @Size(max = 4) List<@NotNull @Pattern(regexp = "admin|evaluator|portal|region",
                    message = "must be admin, evaluator, portal or region") String> roles,
            String regionCode) {
    }

    public record KeyView(UUID id, String name, List<String> roles, String regionCode, String keyPrefix,
            String createdBy, Instant createdAt, Instant rotatedAt, Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id, k.name, k.roles, k.regionCode, k.keyPrefix, k.createdBy, k.createdAt,
                    k.rotatedAt, k.revokedAt);
        }
    }

    /** Answered once, when a key is made or rotated: {@code key} is the secret and is not kept. */
    public record IssuedView(UUID id, String name, List<String> roles, String regionCode, String key,
            String keyPrefix, Instant createdAt, Instant rotatedAt) {
        static IssuedView of(ApiKeyService.Issued issued) {
            ApiKey k = issued.key();
            return new IssuedView(k.id, k.name, k.roles, k.regionCode, issued.secret(), k.keyPrefix, k.createdAt,
                    k.rotatedAt);
        }
    }

    @POST
    @Operation(summary = "Make a key for a client; the raw key is in this answer only. A region key names its"
            + " region (ISO 3166-2:KR) and has the region role alone", description = "Admins only. Stores the"
            + " key's SHA-256 with the client name, roles (admin, portal, evaluator, region) and region code; the"
            + " key works on this gateway when the call returns and on the others within the 2 s reload. 400 for a"
            + " region key with other roles or without a valid region code, 409 when the name is taken.")
    @APIResponse(responseCode = "201", description = "Made; `key` is the secret, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IssuedView.class)))
    @APIResponse(responseCode = "409", description = "A key of this name exists",
            content = @Content(mediaType = "application/problem+json"))
    public Response create(@NotNull @Valid CreateRequest request) {
        boolean region = request.roles().contains("region");
        if (region && request.roles().size() > 1) {
            throw GatewayProblem.invalid("roles", "region-alone", "a region key has the region role only");
        }
        if (region && (request.regionCode() == null || !REGIONS.contains(request.regionCode()))) {
            throw GatewayProblem.invalid("regionCode", "iso-3166-2-kr",
                    "a region key needs one of the 17 ISO 3166-2:KR codes, e.g. KR-26");
        }
        if (!region && request.regionCode() != null) {
            throw GatewayProblem.invalid("regionCode", "region-only", "only a region key has a region code");
        }
        if (QuarkusTransaction.requiringNew().call(() -> keys.count("name", request.name())) > 0) {
            throw new GatewayProblem(409, "NAME_TAKEN", "A key named " + request.name() + " exists", List.of());
        }
        ApiKeyService.Issued issued = service.create(request.name(), List.copyOf(Set.copyOf(request.roles())),
                request.regionCode(), caller.getPrincipal().getName());
        return Response.status(201).entity(IssuedView.of(issued)).build();
    }

    @GET
    @Operation(summary = "Every key, revoked ones included, without secrets", description = "Admins only. Each key"
            + " with its client name, roles, region and whether and when it was revoked; the raw key is never shown"
            + " again (only its SHA-256 is stored).")
    public List<KeyView> list() {
        return QuarkusTransaction.requiringNew().call(() -> keys.listAll(io.quarkus.panache.common.Sort
                .ascending("createdAt", "id")).stream().map(KeyView::of).toList());
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replace the key's secret: the old one stops working at once, the new one is in this answer",
            description = "Admins only. Effective on this gateway at once and on the others within the 2 s reload;"
                    + " 404 for an unknown key, 409 for a revoked one.")
    public IssuedView rotate(@PathParam("id") UUID id) {
        return IssuedView.of(service.rotate(active(id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke the key, at once; it stays listed", description = "Admins only. Requests with the"
            + " key get 401 from this gateway at once and from the others within the 2 s reload; 404 for an unknown"
            + " key, 409 for one already revoked.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key", content = @Content(
            mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Already revoked", content = @Content(
            mediaType = "application/problem+json"))
    public Response revoke(@PathParam("id") UUID id) {
        service.revoke(active(id), caller.getPrincipal().getName());
        return Response.noContent().build();
    }

    private ApiKey active(UUID id) {
        ApiKey key = QuarkusTransaction.requiringNew().call(() -> keys.findById(id));
        if (key == null) {
            throw new GatewayProblem(404, "NOT_FOUND", "API key " + id + " does not exist", List.of());
        }
        if (key.revokedAt != null) {
            throw new GatewayProblem(409, "REVOKED", "API key " + id + " is revoked", List.of());
        }
        return key;
    }
}
