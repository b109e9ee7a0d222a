package kr.go.ax.applications.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Portals' subscriptions to the platform's events, signed per Standard Webhooks")
@RolesAllowed({Roles.PORTAL, Roles.ADMIN})
public class WebhookResource {
    private final WebhookService webhooks;
    private final WebhookDispatcher dispatcher;
    private final Caller caller;
    private final Clock clock;

    public WebhookResource(WebhookService webhooks, WebhookDispatcher dispatcher, Caller caller, Clock clock) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(description = "A subscription to create or change")
    public record SubscriptionRequest(
            @Schema(description = "Where deliveries are POSTed: an http(s) URL; loopback and private addresses are"
                    + " refused unless the deployment allows them", example = "https://portal.example.kr/hooks/ax")
            String url,
            @Schema(description = "CloudEvents types to receive, or [\"*\"] for every event the subscriber may read",
                    example = "[\"kr.go.ax.evaluation.decided.v1\", \"kr.go.ax.application.progress-reported.v1\"]")
            List<String> eventTypes,
            @Schema(description = "On update only: ACTIVE or DISABLED; turning it on clears the failure count",
                    example = "ACTIVE") String status) {
    }

    @Schema(description = "A subscription; the secret only in the answers of create and rotate")
    public record SubscriptionView(
            @Schema(example = "2c9d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f") UUID id,
            @Schema(example = "https://portal.example.kr/hooks/ax") String url,
            List<String> eventTypes,
            @Schema(description = "ACTIVE or DISABLED", example = "ACTIVE") String status,
            @Schema(description = "Why it is disabled", example = "50 failed attempts in a row; last: answered"
                    + " HTTP 503") String disabledReason,
            @Schema(description = "Failed attempts since the last success", example = "0") int consecutiveFailures,
            @Schema(description = "The signing secret (whsec_…), shown once", example =
                    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
            @Schema(example = "portal-busan-news") String owner,
            Instant createdAt, Instant updatedAt) {

        static SubscriptionView of(WebhookSubscription s, boolean withSecret) {
            return new SubscriptionView(s.id, s.url, s.eventTypes, s.status, s.disabledReason,
                    s.consecutiveFailures, withSecret ? s.secret : null, s.owner, s.createdAt, s.updatedAt);
        }
    }

    @Schema(description = "One event for the subscription and how its delivery went")
    public record DeliveryView(UUID id, @Schema(description = "The CloudEvent id, also sent as webhook-id")
            String eventId, String eventType,
            @Schema(description = "PENDING, DELIVERED or FAILED") String status, int attempts,
            Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError,
            Instant deliveredAt, Instant createdAt) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.nextAttemptAt,
                    d.lastAttemptAt, d.lastStatusCode, d.lastError, d.deliveredAt, d.createdAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to events", description = "Portals and admins. Answers 201 with the"
            + " subscription and its signing secret, shown only here. Deliveries are the CloudEvents themselves"
            + " (structured JSON, application/cloudevents+json), signed per Standard Webhooks: headers webhook-id"
            + " (the event id), webhook-timestamp and webhook-signature = v1,base64(HMAC-SHA256 of"
            + " id.timestamp.body) with the whsec_ secret. A portal receives only events it may read: calls once"
            + " they are not drafts, application outcomes and progress reports. 400 for a URL that is not http(s)"
            + " or points at a loopback or private address, 422 EVENT_TYPE_NOT_ALLOWED for a type the caller may"
            + " not receive.")
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    public Response create(@NotNull SubscriptionRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        WebhookSubscription s = webhooks.create(caller, request.url(), request.eventTypes(), clock.instant());
        return Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                .entity(SubscriptionView.of(s, true)).build();
    }

    @GET
    @Operation(summary = "The caller's subscriptions", description = "A portal sees its own; an admin every one.")
    public List<SubscriptionView> list() {
        return webhooks.list(caller).stream().map(s -> SubscriptionView.of(s, false)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription", description = "404 for another portal's subscription.")
    public SubscriptionView one(@PathParam("id") UUID id) {
        return SubscriptionView.of(webhooks.owned(caller, id), false);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the URL, the event types or the status", description = "Fields left out stay as"
            + " they are. Setting status ACTIVE on a disabled subscription turns it back on and its pending"
            + " deliveries go out again. Same checks as on create.")
    public SubscriptionView update(@PathParam("id") UUID id, @NotNull SubscriptionRequest request) {
        return SubscriptionView.of(webhooks.update(caller, id, request.url(), request.eventTypes(),
                request.status(), clock.instant()), false);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe", description = "Deletes the subscription and its delivery log at once.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(caller, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Replace the signing secret", description = "Answers the subscription with its new"
            + " secret, shown only here; deliveries sent from now on are signed with it.")
    public SubscriptionView rotateSecret(@PathParam("id") UUID id) {
        return SubscriptionView.of(webhooks.rotateSecret(caller, id, clock.instant()), true);
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a test event", description = "Queues a kr.go.ax.webhook.test.v1 CloudEvent for this"
            + " subscription alone and answers 202 with its delivery; follow it in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DeliveryView.class)))
    public Response test(@PathParam("id") UUID id) {
        WebhookDelivery d = webhooks.test(caller, id, clock.instant());
        dispatcher.wakeUpSoon();
        return Response.accepted(DeliveryView.of(d)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first", description = "Each delivery's status (PENDING,"
            + " DELIVERED, FAILED), attempts, last HTTP status and error; at most `limit` (1 to 500, default 100),"
            + " optionally only one status.")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        if (status != null && !List.of(WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED)
                .contains(status)) {
            throw ProblemException.invalid("status", "enum", "must be PENDING, DELIVERED or FAILED");
        }
        // Read as text: a non-number must be a 400 naming the parameter, not JAX-RS's 404.
        int max;
        try {
            max = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 500) {
            throw ProblemException.invalid("limit", "range", "must be a whole number between 1 and 500");
        }
        return webhooks.deliveries(caller, id, status, max).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again", description = "Queues it now with its attempts counted afresh,"
            + " whatever its status; 409 SUBSCRIPTION_DISABLED while the subscription is disabled.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DeliveryView.class)))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        WebhookDelivery d = webhooks.redeliver(caller, id, deliveryId, clock.instant());
        dispatcher.wakeUpSoon();
        return Response.accepted(DeliveryView.of(d)).build();
    }
}
