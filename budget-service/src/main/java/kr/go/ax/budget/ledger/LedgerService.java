package kr.go.ax.budget.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kr.go.ax.budget.assessments.Assessment;
import kr.go.ax.budget.assessments.AssessmentRepository;
import kr.go.ax.budget.calls.CallFundingRules;
import kr.go.ax.budget.rules.Totals;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.SelectionDecided;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.inbox.RetryLaterException;
import kr.go.ax.common.events.outbox.Outbox;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fund ledger: each call's central pool per fiscal year and what selection decisions commit from it. An allocation
 * is applied whole or refused whole, under row locks on the call's pools (and a CHECK constraint as a last line), so
 * the pool can never be over-committed, whatever runs concurrently.
 */
@ApplicationScoped
public class LedgerService {
    private final FundPoolRepository pools;
    private final FundAllocationRepository allocations;
    private final AssessmentRepository assessments;
    private final Outbox outbox;

    public LedgerService(FundPoolRepository pools, FundAllocationRepository allocations,
            AssessmentRepository assessments, Outbox outbox) {
        this.pools = pools;
        this.allocations = allocations;
        this.assessments = assessments;
        this.outbox = outbox;
    }

    /** Creates the call's pools from its rules (one per fiscal year); rules are frozen once the call opens. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensurePools(CallFundingRules call) {
        for (int year : call.fiscalYears) {
            FundPool pool = pools.findById(new FundPool.Key(call.callId, year));
            if (pool == null) {
                pool = new FundPool();
                pool.key = new FundPool.Key(call.callId, year);
                pool.poolKrw = call.centralPoolPerYearKrw;
                pools.persist(pool);
            } else if (pool.committedKrw <= call.centralPoolPerYearKrw) {
                pool.poolKrw = call.centralPoolPerYearKrw;
            }
        }
    }

    @Schema(description = "What a selection decision asked of the pools for one application")
    public record AllocationOutcome(
            @Schema(description = "The application", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
            UUID applicationId,
            @Schema(description = "The call", example = "9b2e7c41-0d3a-4f6b-8e15-2c7a9d4b6e80") UUID callId,
            @Schema(description = "The application's region, ISO 3166-2:KR", example = "KR-26") String region,
            @Schema(description = "COMMITTED, REFUSED or RELEASED", example = "COMMITTED") String status,
            @Schema(description = "Central money per fiscal year, in whole KRW",
                    example = "{\"2026\": 4200000000, \"2027\": 2800000000}")
            Map<Integer, Long> centralByYear,
            @Schema(description = "Why it was refused or released; null when committed",
                    example = "application withdrawn")
            String reason,
            @Schema(description = "When the decision was applied", example = "2026-03-10T09:00:00Z")
            Instant decidedAt) {
    }

    /**
     * Commits the approved central amounts of a selected application. Idempotent: a second decision for the same
     * application returns the first outcome.
     */
    @Transactional
    public FundAllocation allocate(UUID applicationId, UUID callId, Instant now) {
        FundAllocation existing = allocations.findById(applicationId);
        if (existing != null) {
            return existing;
        }
        return commit(null, applicationId, callId, null, pools.lockedForCall(callId), now);
    }

    /**
     * Applies one version of a call's selection decision, whole, in the caller's transaction: first every committed
     * allocation the version takes away or changes is released, then every selected application's award is
     * committed (or refused). Versions of one call arrive in order (the event is keyed by the call), and the inbox
     * applies each once, so the pools always reflect exactly the latest version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyDecision(SelectionDecided decision, Instant now) {
        List<FundPool> callPools = pools.lockedForCall(decision.callId());
        Map<UUID, Map<Integer, Long>> awards = new LinkedHashMap<>();
        for (SelectionDecided.Outcome outcome : decision.outcomes()) {
            if ("SELECTED".equals(outcome.decision())) {
                awards.put(outcome.applicationId(), new TreeMap<>(outcome.awardedCentralByYear()));
            }
        }
        for (FundAllocation allocation : allocations.list("callId", decision.callId())) {
            Map<Integer, Long> award = awards.get(allocation.applicationId);
            if (FundAllocation.COMMITTED.equals(allocation.status)
                    && (award == null || !award.equals(new TreeMap<>(allocation.centralByYear)))) {
                release(allocation, callPools, award == null
                        ? "not selected in decision version " + decision.version()
                        : "award changed in decision version " + decision.version(), now);
            }
        }
        for (Map.Entry<UUID, Map<Integer, Long>> award : awards.entrySet()) {
            FundAllocation existing = allocations.findById(award.getKey());
            if (existing == null || !FundAllocation.COMMITTED.equals(existing.status)) {
                commit(existing, award.getKey(), decision.callId(), award.getValue(), callPools, now);
            }
        }
    }

    /**
     * Commits {@code awarded} (or, when null, the approved budget's central amounts) whole, or records a refusal.
     * Reuses {@code row} when the application had an allocation that was released or refused before.
     */
    private FundAllocation commit(FundAllocation row, UUID applicationId, UUID callId, Map<Integer, Long> awarded,
            List<FundPool> callPools, Instant now) {
        Assessment assessment = assessments.latest(applicationId).orElseThrow(() ->
                new RetryLaterException("no budget assessment of application " + applicationId + " yet"));
        Map<Integer, Long> wanted = new TreeMap<>();
        if (awarded != null) {
            wanted.putAll(awarded); // a decision's award is authoritative, even an empty one
        } else {
            for (Totals year : assessment.yearTotals) {
                wanted.put(year.fiscalYear(), year.centralKrw());
            }
        }
        String refusal = null;
        if (!"APPROVED".equals(assessment.verdict)) {
            refusal = "the latest budget assessment is " + assessment.verdict;
        }
        for (Map.Entry<Integer, Long> year : wanted.entrySet()) {
            FundPool pool = callPools.stream().filter(p -> p.key.fiscalYear() == year.getKey()).findFirst()
                    .orElse(null);
            if (refusal != null) {
                break;
            }
            if (pool == null) {
                refusal = "the call has no pool for fiscal year " + year.getKey();
            } else if (year.getValue() < 0) {
                refusal = "a negative award for fiscal year " + year.getKey();
            } else if (year.getValue() > pool.availableKrw()) {
                refusal = String.format("fiscal year %d needs %,d KRW of central money but only %,d KRW of %,d KRW"
                        + " is still available", year.getKey(), year.getValue(), pool.availableKrw(), pool.poolKrw);
            }
        }
        boolean isNew = row == null;
        FundAllocation allocation = isNew ? new FundAllocation() : row;
        allocation.applicationId = applicationId;
        allocation.callId = callId;
        allocation.regionCode = assessment.regionCode;
        allocation.centralByYear = wanted;
        allocation.decidedAt = now;
        allocation.updatedAt = now;
        if (refusal == null) {
            for (FundPool pool : callPools) {
                pool.committedKrw += wanted.getOrDefault(pool.key.fiscalYear(), 0L);
            }
            allocation.status = FundAllocation.COMMITTED;
            allocation.reason = null;
        } else {
            allocation.status = FundAllocation.REFUSED;
            allocation.reason = refusal;
        }
        if (isNew) {
            allocations.persist(allocation);
        }
        publish(allocation, FundAllocation.COMMITTED.equals(allocation.status)
                ? EventTypes.ALLOCATION_COMMITTED : EventTypes.ALLOCATION_REFUSED);
        return allocation;
    }

    /** Gives a committed allocation back to the pools when the application is withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID applicationId, Instant now) {
        FundAllocation allocation = allocations.findById(applicationId);
        if (allocation == null || !FundAllocation.COMMITTED.equals(allocation.status)) {
            return;
        }
        release(allocation, pools.lockedForCall(allocation.callId), "application withdrawn", now);
    }

    private void release(FundAllocation allocation, List<FundPool> callPools, String reason, Instant now) {
        for (FundPool pool : callPools) {
            pool.committedKrw -= allocation.centralByYear.getOrDefault(pool.key.fiscalYear(), 0L);
        }
        allocation.status = FundAllocation.RELEASED;
        allocation.reason = reason;
        allocation.updatedAt = now;
        publish(allocation, EventTypes.ALLOCATION_RELEASED);
    }

    private void publish(FundAllocation a, String type) {
        outbox.record(Topics.BUDGET, "fund-allocation", a.applicationId.toString(), type,
                new AllocationOutcome(a.applicationId, a.callId, a.regionCode, a.status, a.centralByYear, a.reason,
                        a.decidedAt));
    }
}
