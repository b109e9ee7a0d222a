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

    public record RankingView(UUID callId, Instant computedAt, String ruleSetVersion, int trimMinScores,
            String rounding, List<Ranking.Entry> entries) {
    }

    @GET
    @Transactional
    @Operation(summary = "The ranking as the scores stand now: totals, stage and criterion scores, pass/fail with"
            + " reasons, evaluator counts, and which tie-break separated equal totals")
    public RankingView get(@PathParam("callId") UUID callId) {
        CallEvaluationSettings call = calls.findByIdOptional(callId)
                .orElseThrow(() -> ProblemException.notFound("Call", callId));
        RankingInputs inputs = decisions.currentInputs(call);
        return new RankingView(callId, clock.instant(), inputs.ruleSetVersion(), inputs.trimMinScores(),
                Aggregation.SCALE + " decimals, " + Aggregation.ROUNDING + ", once at the end", Ranking.rank(inputs));
    }
}
