package kr.go.ax.evaluation.ranking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.evaluation.calls.CallEvaluationSettings;
import kr.go.ax.evaluation.calls.CallEvaluationSettingsRepository;
import kr.go.ax.evaluation.decisions.DecisionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation/calls/{callId}/ranking")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "Selection decisions: immutable, versioned, recomputable")
@RolesAllowed(Roles.ADMIN)
public class RankingResource {
    private final CallEvaluationSettingsRepository calls;
    private final DecisionService decisions;
    private final Clock clock;

    public RankingResource(CallEvaluationSettingsRepository calls, DecisionService decisions, Clock clock) {
        this.calls = calls;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Schema(description = "A provisional ranking of a call, computed from the scores as they stand")
    public record RankingView(
            @Schema(description = "The call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e") UUID callId,
            @Schema(description = "When it was computed (UTC)", example = "2026-03-09T14:30:00Z") Instant computedAt,
            @Schema(description = "The rule set applied", example = "ax-selection-2026.1") String ruleSetVersion,
            @Schema(description = "From this many scores of a criterion on, its single highest and single lowest are"
                    + " dropped", example = "5")
            int trimMinScores,
            @Schema(description = "How displayed scores are rounded; pass marks and order use exact values",
                    example = "2 decimals, HALF_EVEN, once at the end")
            String rounding,
            @Schema(description = "Applications still in the running (withdrawn ones left out), best first")
            List<Ranking.Entry> entries) {
    }

    @GET
    @Transactional
    @Operation(summary = "The ranking as the scores stand now: totals, stage and criterion scores, pass/fail with"
            + " reasons, evaluator counts, and which tie-break separated equal totals",
            description = "Admin only: a provisional ranking from the counted score sheets as they stand now, by the"
                    + " same rules a decision applies; nothing is recorded. Passing applications come first, then"
                    + " higher total, then the tie chain: PRESENTATION score, FEASIBILITY score, earlier submission,"
                    + " application id. Returns 404 for an unknown call.")
    public RankingView get(@PathParam("callId") UUID callId) {
        CallEvaluationSettings call = calls.findByIdOptional(callId)
                .orElseThrow(() -> ProblemException.notFound("Call", callId));
        RankingInputs inputs = decisions.currentInputs(call);
        return new RankingView(callId, clock.instant(), inputs.ruleSetVersion(), inputs.trimMinScores(),
                Aggregation.SCALE + " decimals, " + Aggregation.ROUNDING + ", once at the end", Ranking.rank(inputs));
    }
}
