package kr.go.ax.budget.calls;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/budget/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funding rules", description = "The co-financing rules budget-service applies to each call")
@Authenticated
public class CallFundingRulesResource {
    private final CallFundingRulesRepository rules;

    public CallFundingRulesResource(CallFundingRulesRepository rules) {
        this.rules = rules;
    }

    public record FundingRulesResponse(UUID callId, String code, String callStatus, List<Integer> fiscalYears,
            long centralPoolPerYearKrw, long centralReferencePerRegionPerYearKrw, int centralShareMaxBp,
            int localGovernmentShareMinBp, long callVersion, Instant updatedAt) {
    }

    @GET
    @Path("/{callId}/funding-rules")
    @Operation(summary = "The funding rules of a call, as budget-service holds them")
    public FundingRulesResponse get(@PathParam("callId") UUID callId) {
        CallFundingRules r = rules.findByIdOptional(callId)
                .orElseThrow(() -> ProblemException.notFound("Funding rules of call", callId));
        return new FundingRulesResponse(r.callId, r.code, r.callStatus, r.fiscalYears, r.centralPoolPerYearKrw,
                r.centralReferencePerRegionPerYearKrw, r.centralShareMaxBp, r.localGovernmentShareMinBp,
                r.callVersion, r.updatedAt);
    }
}
