package kr.go.ax.budget.ledger;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/budget/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fund ledger", description = "Central pools per call and fiscal year, and what selection committed")
@Authenticated
public class LedgerResource {
    private final FundPoolRepository pools;
    private final FundAllocationRepository allocations;
    private final Caller caller;

    public LedgerResource(FundPoolRepository pools, FundAllocationRepository allocations, Caller caller) {
        this.pools = pools;
        this.allocations = allocations;
        this.caller = caller;
    }

    public record YearView(int fiscalYear, long poolKrw, long committedKrw, long availableKrw) {
    }

    public record LedgerView(UUID callId, List<YearView> years, List<LedgerService.AllocationOutcome> allocations) {
    }

    @GET
    @Path("/{callId}")
    @Operation(summary = "Per fiscal year: pool, committed and available central money; and the allocations"
            + " (a region sees only its own)")
    public LedgerView get(@PathParam("callId") UUID callId) {
        List<FundPool> years = pools.ofCall(callId);
        if (years.isEmpty()) {
            throw ProblemException.notFound("Ledger of call", callId);
        }
        boolean staff = caller.is(Roles.ADMIN) || caller.is(Roles.EVALUATOR) || caller.is(Roles.PORTAL);
        return new LedgerView(callId,
                years.stream().map(p -> new YearView(p.key.fiscalYear(), p.poolKrw, p.committedKrw,
                        p.availableKrw())).toList(),
                allocations.ofCall(callId).stream()
                        .filter(a -> staff || caller.ownsRegion(a.regionCode))
                        .map(a -> new LedgerService.AllocationOutcome(a.applicationId, a.callId, a.regionCode,
                                a.status, a.centralByYear, a.reason, a.decidedAt))
                        .toList());
    }
}
