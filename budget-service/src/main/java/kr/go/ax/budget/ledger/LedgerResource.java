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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(description = "The call's central pool of one fiscal year, in whole KRW")
    public record YearView(
            @Schema(description = "The fiscal year", example = "2026") int fiscalYear,
            @Schema(description = "Central money the call has for the year", example = "100000000000") long poolKrw,
            @Schema(description = "Committed to selected applications", example = "42000000000") long committedKrw,
            @Schema(description = "Still available: pool minus committed", example = "58000000000")
            long availableKrw) {
    }

    @Schema(description = "A call's fund ledger: its central pools per fiscal year and the allocations decided")
    public record LedgerView(
            @Schema(description = "The call", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c") UUID callId,
            @Schema(description = "The pools, one per fiscal year in ascending order") List<YearView> years,
            @Schema(description = "Allocations of the call's applications, oldest decision first; a region sees"
                    + " only its own")
            List<LedgerService.AllocationOutcome> allocations) {
    }

    @GET
    @Path("/{callId}")
    @Operation(summary = "Per fiscal year: pool, committed and available central money; and the allocations"
            + " (a region sees only its own)",
            description = "Any authenticated caller may read a call's pools; admins, evaluators and portals see every"
                    + " allocation, a region only those of its own applications. Allocations are COMMITTED,"
                    + " REFUSED (with the reason, e.g. not enough money left in a year) or RELEASED (after a"
                    + " withdrawal or a changed selection decision). 404 NOT_FOUND when the call has no pools.")
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
