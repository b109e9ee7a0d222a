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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(description = "budget-service's copy of a call's co-financing rules, kept current from the call events"
            + " of applications-service; shares are basis points (6000 = 60.00%)")
    public record FundingRulesResponse(
            @Schema(description = "The call", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c") UUID callId,
            @Schema(description = "The call's code", example = "AX-2026-01") String code,
            @Schema(description = "The call's status in applications-service", example = "OPEN") String callStatus,
            @Schema(description = "Fiscal years the call funds", example = "[2026, 2027]") List<Integer> fiscalYears,
            @Schema(description = "Central pool per fiscal year, in whole KRW", example = "100000000000")
            long centralPoolPerYearKrw,
            @Schema(description = "Central money a region may ask for per fiscal year, in whole KRW",
                    example = "7000000000")
            long centralReferencePerRegionPerYearKrw,
            @Schema(description = "Largest allowed central share, in basis points", example = "6000")
            int centralShareMaxBp,
            @Schema(description = "Smallest required local-government share, in basis points", example = "4000")
            int localGovernmentShareMinBp,
            @Schema(description = "Version of the call this copy reflects", example = "3") long callVersion,
            @Schema(description = "When this copy was last updated", example = "2026-03-10T09:00:00Z")
            Instant updatedAt) {
    }

    @GET
    @Path("/{callId}/funding-rules")
    @Operation(summary = "The funding rules of a call, as budget-service holds them",
            description = "Any authenticated caller (region, portal, admin, evaluator) may read the co-financing"
                    + " rules budget-service applies to a call, copied from applications-service's call events"
                    + " (callVersion tells which version of the call). 404 NOT_FOUND when no event of the call has"
                    + " arrived yet or the call does not exist.")
    public FundingRulesResponse get(@PathParam("callId") UUID callId) {
        CallFundingRules r = rules.findByIdOptional(callId)
                .orElseThrow(() -> ProblemException.notFound("Funding rules of call", callId));
        return new FundingRulesResponse(r.callId, r.code, r.callStatus, r.fiscalYears, r.centralPoolPerYearKrw,
                r.centralReferencePerRegionPerYearKrw, r.centralShareMaxBp, r.localGovernmentShareMinBp,
                r.callVersion, r.updatedAt);
    }
}
