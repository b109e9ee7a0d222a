package kr.go.ax.budget.checks;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kr.go.ax.budget.calls.CallFundingRules;
import kr.go.ax.budget.calls.CallFundingRulesRepository;
import kr.go.ax.budget.rules.BudgetAssessment;
import kr.go.ax.budget.rules.BudgetLine;
import kr.go.ax.budget.rules.BudgetRules;
import kr.go.ax.budget.rules.Totals;
import kr.go.ax.budget.rules.Violation;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/budget/checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Budget checks", description = "Dry run of the co-financing rules; stores nothing")
@Authenticated
public class BudgetCheckResource {
    private final CallFundingRulesRepository calls;

    public BudgetCheckResource(CallFundingRulesRepository calls) {
        this.calls = calls;
    }

    @Schema(description = "The rules the budget was checked against")
    public record CheckedRules(
            @Schema(description = "Where the rules came from: call (the call's rules) or explicit (fundingRules)",
                    example = "call")
            String source,
            @Schema(description = "Version of the call the rules belong to; null for explicit rules", example = "3")
            Integer callVersion,
            @Schema(description = "Largest allowed central share, in basis points", example = "6000")
            int centralShareMaxBp,
            @Schema(description = "Smallest required local-government share, in basis points", example = "4000")
            int localGovernmentShareMinBp,
            @Schema(description = "Central money a region may ask for per fiscal year, in whole KRW",
                    example = "7000000000")
            long centralReferencePerRegionPerYearKrw,
            @Schema(description = "Fiscal years the budget may use; empty means any", example = "[2026, 2027]")
            List<Integer> fiscalYears) {
    }

    @Schema(description = "Sums per fiscal year and for the whole budget")
    public record TotalsView(
            @Schema(description = "Sums of each fiscal year, in ascending order") List<Totals> years,
            @Schema(description = "Sums of the whole budget (fiscalYear is null)") Totals overall) {
    }

    /** Shares are basis points, rounded half up for display; the verdict compares exact integer products. */
    @Schema(description = "The verdict of a dry run: valid when no rule is broken. Shares are basis points, rounded"
            + " half up for display; the verdict compares exact integer products")
    public record CheckResponse(
            @Schema(description = "Whether the budget keeps every co-financing rule", example = "true") boolean valid,
            @Schema(description = "The rules applied") CheckedRules rules,
            @Schema(description = "Sums and shares per fiscal year and overall") TotalsView totals,
            @Schema(description = "Every broken rule; empty when valid") List<Violation> violations) {
    }

    @POST
    @Operation(summary = "Check a budget against a call's co-financing rules (or explicit rules) without storing it."
            + " Rule violations, negative amounts included, answer 200 with valid=false; only malformed input is 400.",
            description = "Any authenticated caller (region, portal, admin, evaluator) may run this dry run; nothing is"
                    + " stored. Give exactly one of callId and fundingRules (otherwise 400 VALIDATION_FAILED); an"
                    + " unknown callId is 422 CALL_NOT_FOUND. Broken rules (central share over the maximum, local"
                    + " share under the minimum, central over the per-region reference, fiscal year outside the"
                    + " call, negative or out-of-range amount, empty budget) answer 200 with valid=false and the"
                    + " violations.")
    public CheckResponse check(@NotNull @Valid BudgetCheckRequest request) {
        CheckedRules rules = rulesOf(request);
        BudgetAssessment.Result result = BudgetAssessment.assess(
                new BudgetRules(rules.centralShareMaxBp(), rules.localGovernmentShareMinBp(),
                        rules.centralReferencePerRegionPerYearKrw(), rules.fiscalYears()),
                request.projects().stream().map(p -> p.budget().stream()
                        .map(l -> new BudgetLine(l.fiscalYear(), l.centralKrw(), l.localGovernmentKrw(),
                                l.selfContributionKrw()))
                        .toList()).toList());
        return new CheckResponse(result.valid(), rules, new TotalsView(result.years(), result.overall()),
                result.violations());
    }

    private CheckedRules rulesOf(BudgetCheckRequest request) {
        if ((request.callId() == null) == (request.fundingRules() == null)) {
            throw ProblemException.invalid(List.of(new FieldViolation("callId", "one-of",
                    "give either callId or fundingRules, not both and not neither")));
        }
        if (request.callId() != null) {
            CallFundingRules call = calls.findByIdOptional(request.callId()).orElseThrow(() -> new ProblemException(
                    422, "CALL_NOT_FOUND", "Unknown call", "Call " + request.callId() + " is not known",
                    List.of(new FieldViolation("callId", "exists", "must name an existing call"))));
            return new CheckedRules("call", (int) call.callVersion, call.centralShareMaxBp,
                    call.localGovernmentShareMinBp, call.centralReferencePerRegionPerYearKrw, call.fiscalYears);
        }
        BudgetCheckRequest.FundingRules explicit = request.fundingRules();
        return new CheckedRules("explicit", null, explicit.centralShareMaxBp(), explicit.localGovernmentShareMinBp(),
                explicit.centralReferencePerRegionPerYearKrw(),
                request.fiscalYears() == null ? List.of() : request.fiscalYears());
    }
}
