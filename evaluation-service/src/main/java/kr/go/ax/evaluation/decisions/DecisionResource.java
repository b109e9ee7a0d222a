package kr.go.ax.evaluation.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation/calls/{callId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Decisions", description = "Selection decisions: immutable, versioned, recomputable")
@RolesAllowed(Roles.ADMIN)
public class DecisionResource {
    private final DecisionService decisionService;
    private final SelectionDecisionRepository decisions;
    private final Caller caller;

    public DecisionResource(DecisionService decisionService, SelectionDecisionRepository decisions, Caller caller) {
        this.decisionService = decisionService;
        this.decisions = decisions;
        this.caller = caller;
    }

    @Schema(description = "One version of a call's selection decision, whole")
    public record DecisionView(
            @Schema(description = "The decided call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e") UUID callId,
            @Schema(description = "The version, 1 for the first decision of the call", example = "2") int version,
            @Schema(description = "Why this version was made: INITIAL, REDECISION (scores or rules changed),"
                    + " RESERVE_PROMOTION, RESERVE_WITHDRAWN or SELECTED_WITHDRAWN (after a withdrawal)",
                    example = "REDECISION")
            String reason,
            @Schema(description = "The rule set the computation applied", example = "ax-selection-2026.1")
            String ruleSetVersion,
            @Schema(description = "SHA-256 (hex) of the inputs' canonical JSON",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String inputsSha256,
            @Schema(description = "The admin who decided, or evaluation-service for a version made by a withdrawal",
                    example = "admin")
            String decidedBy,
            @Schema(description = "When this version was made (UTC)", example = "2026-03-10T09:00:00Z")
            Instant decidedAt,
            @Schema(description = "ranking, outcomes with awards, changes from the previous version")
            Map<String, Object> output,
            @Schema(description = "every input of the computation; its SHA-256 is inputsSha256")
            Map<String, Object> inputs) {
        /** Numbers keep their exact decimal form on the way (no binary floating point). */
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

        static DecisionView of(SelectionDecision d) {
            return new DecisionView(d.key.callId(), d.key.version(), d.reason, d.ruleSetVersion, d.inputsSha256,
                    d.decidedBy, d.decidedAt, tree(d.output), tree(d.inputs));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> tree(JsonNode node) {
            return JSON.convertValue(node, Map.class);
        }
    }

    @Schema(description = "One version of a call's selection decision, without its inputs and output")
    public record DecisionSummary(
            @Schema(description = "The version, 1 for the first decision of the call", example = "1") int version,
            @Schema(description = "Why this version was made: INITIAL, REDECISION, RESERVE_PROMOTION,"
                    + " RESERVE_WITHDRAWN or SELECTED_WITHDRAWN", example = "INITIAL")
            String reason,
            @Schema(description = "SHA-256 (hex) of the inputs' canonical JSON",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String inputsSha256,
            @Schema(description = "The admin who decided, or evaluation-service for a version made by a withdrawal",
                    example = "admin")
            String decidedBy,
            @Schema(description = "When this version was made (UTC)", example = "2026-03-10T09:00:00Z")
            Instant decidedAt) {
    }

    @POST
    @Path("/decision")
    @Operation(summary = "Decide the call: passing applications in rank order take the slots, then the reserve"
            + " slots; awards fit the pool. Idempotent: while the inputs are those of the latest version, that"
            + " version is returned (200); changed inputs (after an upheld appeal) make a new version (201)",
            description = "Admin only: ranks the applications in evaluation from their counted score sheets and"
                    + " records an immutable decision version (inputs with their SHA-256, ranking, outcomes SELECTED,"
                    + " RESERVE, NOT_SELECTED or WITHDRAWN, and central awards per fiscal year cut to the pool from the"
                    + " lowest rank up); deciding closes scoring again. Returns 404 for an unknown call, 409"
                    + " NOTHING_TO_DECIDE when no application is in evaluation, 409 CALL_POOL_UNKNOWN when the central"
                    + " pool is not known yet, and 409 SCORING_INCOMPLETE naming each application and stage with"
                    + " fewer sheets than required (3 by default) or without a known requested amount.")
    @APIResponse(responseCode = "201", description = "A new version",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "200", description = "The latest version: its inputs are unchanged",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "409", description = "Scoring incomplete, or nothing to decide",
            content = @Content(mediaType = "application/problem+json"))
    public Response decide(@PathParam("callId") UUID callId, @jakarta.ws.rs.core.Context UriInfo uri) {
        DecisionService.Made made = decisionService.decide(callId, caller.subject());
        DecisionView view = DecisionView.of(made.decision());
        if (!made.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/evaluation/calls/{callId}/decisions/{version}")
                .build(callId, view.version())).entity(view).build();
    }

    @GET
    @Path("/decisions")
    @Operation(summary = "The versions of the call's decision, oldest first",
            description = "Admin only: a summary of every version of the call's selection decision, oldest first,"
                    + " with why each was made and the SHA-256 of its inputs. An undecided or unknown call gives an"
                    + " empty list.")
    public List<DecisionSummary> list(@PathParam("callId") UUID callId) {
        return decisions.all(callId).stream().map(d -> new DecisionSummary(d.key.version(), d.reason,
                d.inputsSha256, d.decidedBy, d.decidedAt)).toList();
    }

    @GET
    @Path("/decisions/{version}")
    @Operation(summary = "One version, whole: rule set, every input score with the SHA-256 of the inputs' canonical"
            + " JSON, the ranking, the outcomes and awards, and the changes from the previous version",
            description = "Admin only: one version of the call's decision in full, so that it can be recomputed from"
                    + " its recorded inputs and the inputs verified against inputsSha256. Returns 404 when the call"
                    + " has no such version.")
    public DecisionView get(@PathParam("callId") UUID callId, @PathParam("version") int version) {
        return decisions.version(callId, version).map(DecisionView::of)
                .orElseThrow(() -> ProblemException.notFound("Decision version " + version + " of call", callId));
    }
}
