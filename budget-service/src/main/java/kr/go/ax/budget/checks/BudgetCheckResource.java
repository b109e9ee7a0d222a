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

    public record CheckedRules(String source, Integer callVersion, int centralShareMaxBp,
            int localGovernmentShareMinBp, long centralReferencePerRegionPerYearKrw, List<Integer> fiscalYears) {
    }

    public record TotalsView(List<Totals> years, Totals overall) {
    }

    /** Shares are basis points, rounded half up for display; the verdict compares exact integer products. */
    public record CheckResponse(boolean valid, CheckedRules rules, TotalsView totals, List<Violation> violations) {
    }

    @POST
    @Operation(summary = "Check a budget against a call's co-financing rules (or explicit rules) without storing it."
            + " Rule violations, negative amounts included, answer 200 with valid=false; only malformed input is 400.")
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
