package kr.go.ax.budget.spending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import kr.go.ax.budget.assessments.Assessment;
import kr.go.ax.budget.assessments.AssessmentRepository;
import kr.go.ax.budget.calls.CallFundingRulesRepository;
import kr.go.ax.budget.ledger.FundAllocation;
import kr.go.ax.budget.ledger.FundAllocationRepository;
import kr.go.ax.budget.rules.Totals;
import kr.go.ax.budget.spending.ExpenditureInput.Source;
import kr.go.ax.common.bulk.LineResult;
import kr.go.ax.common.bulk.NdjsonLines.Numbered;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.outbox.Outbox;
import kr.go.ax.common.money.Krw;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Records spending of selected applications. Each batch runs under a lock on the application's allocation, so two
 * concurrent posts cannot together spend more than was approved; within the batch each line is accepted, a duplicate
 * of a known externalId, or rejected with its reasons, and a rejected line never affects the others.
 */
@ApplicationScoped
public class SpendingService {
    private final FundAllocationRepository allocations;
    private final AssessmentRepository assessments;
    private final ExpenditureRepository expenditures;
    private final CallFundingRulesRepository calls;
    private final Outbox outbox;

    public SpendingService(FundAllocationRepository allocations, AssessmentRepository assessments,
            ExpenditureRepository expenditures, CallFundingRulesRepository calls, Outbox outbox) {
        this.allocations = allocations;
        this.assessments = assessments;
        this.expenditures = expenditures;
        this.calls = calls;
        this.outbox = outbox;
    }

    /** The allocation of an application the caller's region may spend on; 404 for anyone else's. */
    public FundAllocation spendable(UUID applicationId, String region) {
        FundAllocation allocation = allocations.findById(applicationId);
        if (allocation == null || !allocation.regionCode.equals(region)) {
            throw ProblemException.notFound("Selected application", applicationId);
        }
        if (!FundAllocation.COMMITTED.equals(allocation.status)) {
            throw ProblemException.conflict("APPLICATION_NOT_SELECTED", "Application " + applicationId
                    + " has no committed funding (" + allocation.status + "); only selected applications spend");
        }
        return allocation;
    }

    @Transactional
    public List<LineResult> record(UUID applicationId, String region, String actor, List<Numbered<ExpenditureInput>> batch,
            Instant now) {
        FundAllocation allocation = allocations.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (allocation == null || !allocation.regionCode.equals(region)
                || !FundAllocation.COMMITTED.equals(allocation.status)) {
            throw ProblemException.notFound("Selected application", applicationId);
        }
        Map<Integer, Map<Source, Long>> approved = approved(applicationId);
        Map<Integer, Map<Source, Long>> spent = spent(applicationId);
        Set<String> known = expenditures.knownExternalIds(applicationId,
                batch.stream().map(b -> b.input().externalId()).distinct().toList());
        Set<String> seen = new HashSet<>();
        List<LineResult> results = new ArrayList<>(batch.size());
        for (Numbered<ExpenditureInput> numbered : batch) {
            ExpenditureInput in = numbered.input();
            if (known.contains(in.externalId()) || !seen.add(in.externalId())) {
                results.add(new LineResult(numbered.line(), LineResult.DUPLICATE, in.externalId(), List.of()));
                continue;
            }
            Map<Source, Long> approvedYear = approved.get(in.fiscalYear());
            if (approvedYear == null) {
                results.add(rejected(numbered, "fiscalYear", "FISCAL_YEAR_NOT_APPROVED",
                        "no budget was approved for fiscal year " + in.fiscalYear() + "; approved years are "
                                + approved.keySet()));
                continue;
            }
            long already = spent.computeIfAbsent(in.fiscalYear(), y -> new EnumMap<>(Source.class))
                    .getOrDefault(in.source(), 0L);
            long limit = approvedYear.getOrDefault(in.source(), 0L);
            if (already + in.amountKrw() > limit) {
                results.add(rejected(numbered, "amountKrw", "SPENDING_EXCEEDS_APPROVED", String.format(
                        "%s spending in %d would reach %,d KRW; %,d KRW is approved and %,d KRW already spent",
                        in.source(), in.fiscalYear(), already + in.amountKrw(), limit, already)));
                continue;
            }
            Expenditure e = new Expenditure();
            e.id = UUID.randomUUID();
            e.applicationId = applicationId;
            e.externalId = in.externalId();
            e.fiscalYear = in.fiscalYear();
            e.spentOn = in.spentOn();
            e.source = in.source();
            e.amountKrw = in.amountKrw();
            e.category = in.category();
            e.evidenceType = in.evidence().type();
            e.evidenceReference = in.evidence().reference();
            e.recordedBy = actor;
            e.recordedAt = now;
            expenditures.persist(e);
            spent.get(in.fiscalYear()).merge(in.source(), in.amountKrw(), Long::sum);
            results.add(new LineResult(numbered.line(), LineResult.ACCEPTED, in.externalId(), List.of()));
        }
        updateDrift(allocation, spent, now);
        return results;
    }

    @Schema(description = "Approved and spent money of one funding source in one fiscal year")
    public record SourceView(
            @Schema(description = "CENTRAL, LOCAL_GOVERNMENT or SELF_CONTRIBUTION", example = "CENTRAL") String source,
            @Schema(description = "Approved, in whole KRW", example = "4200000000") long approvedKrw,
            @Schema(description = "Spent so far, in whole KRW", example = "1050000000") long spentKrw,
            @Schema(description = "Spent / approved in basis points, rounded down", example = "2500")
            int executionRateBp) {
    }

    @Schema(description = "Approved and spent money of one fiscal year")
    public record YearView(
            @Schema(description = "The fiscal year", example = "2026") int fiscalYear,
            @Schema(description = "Per funding source") List<SourceView> sources,
            @Schema(description = "Approved for the year, all sources, in whole KRW", example = "7000000000")
            long approvedKrw,
            @Schema(description = "Spent in the year, all sources, in whole KRW", example = "1750000000")
            long spentKrw,
            @Schema(description = "Spent / approved in basis points, rounded down", example = "2500")
            int executionRateBp) {
    }

    @Schema(description = "Execution of a selected application's budget: approved (its latest budget assessment)"
            + " against recorded spending")
    public record ExecutionView(
            @Schema(description = "The application", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
            UUID applicationId,
            @Schema(description = "The application's region, ISO 3166-2:KR", example = "KR-26") String region,
            @Schema(description = "Status of its fund allocation: COMMITTED, REFUSED or RELEASED",
                    example = "COMMITTED")
            String allocationStatus,
            @Schema(description = "Per fiscal year, in ascending order") List<YearView> years,
            @Schema(description = "Approved in all years, in whole KRW", example = "14000000000") long approvedKrw,
            @Schema(description = "Spent in all years, in whole KRW", example = "3500000000") long spentKrw,
            @Schema(description = "Spent / approved in basis points, rounded down", example = "2500")
            int executionRateBp,
            @Schema(description = "Local-government share of all spending, in basis points, rounded down",
                    example = "4000")
            int localGovernmentShareOfSpendingBp,
            @Schema(description = "Warnings: LOCAL_SHARE_DRIFT when the local-government share of spending is below"
                    + " the call's minimum", example = "[\"LOCAL_SHARE_DRIFT\"]")
            List<String> flags) {
    }

    public ExecutionView execution(FundAllocation allocation) {
        Map<Integer, Map<Source, Long>> approved = approved(allocation.applicationId);
        Map<Integer, Map<Source, Long>> spent = spent(allocation.applicationId);
        List<YearView> years = new ArrayList<>();
        long approvedAll = 0;
        long spentAll = 0;
        long localSpent = 0;
        for (Map.Entry<Integer, Map<Source, Long>> year : approved.entrySet()) {
            List<SourceView> sources = new ArrayList<>();
            long approvedYear = 0;
            long spentYear = 0;
            for (Source source : Source.values()) {
                long a = year.getValue().getOrDefault(source, 0L);
                long s = spent.getOrDefault(year.getKey(), Map.of()).getOrDefault(source, 0L);
                sources.add(new SourceView(source.name(), a, s, rate(s, a)));
                approvedYear += a;
                spentYear += s;
                if (source == Source.LOCAL_GOVERNMENT) {
                    localSpent += s;
                }
            }
            years.add(new YearView(year.getKey(), sources, approvedYear, spentYear, rate(spentYear, approvedYear)));
            approvedAll += approvedYear;
            spentAll += spentYear;
        }
        return new ExecutionView(allocation.applicationId, allocation.regionCode, allocation.status, years,
                approvedAll, spentAll, rate(spentAll, approvedAll), rate(localSpent, spentAll),
                allocation.localShareDrift ? List.of("LOCAL_SHARE_DRIFT") : List.of());
    }

    /** The local-government share of all spending fell below the call's minimum: a warning flag and an event. */
    private void updateDrift(FundAllocation allocation, Map<Integer, Map<Source, Long>> spent, Instant now) {
        long local = 0;
        long total = 0;
        for (Map<Source, Long> year : spent.values()) {
            local += year.getOrDefault(Source.LOCAL_GOVERNMENT, 0L);
            total += year.values().stream().mapToLong(Long::longValue).sum();
        }
        int minBp = calls.findByIdOptional(allocation.callId).map(c -> c.localGovernmentShareMinBp).orElse(0);
        boolean drift = total > 0 && local * Krw.FULL_BP < (long) minBp * total;
        if (drift && !allocation.localShareDrift) {
            outbox.record(Topics.BUDGET, "fund-allocation", allocation.applicationId.toString(),
                    EventTypes.LOCAL_SHARE_DRIFT, new LocalShareDrift(allocation.applicationId, allocation.callId,
                            allocation.regionCode, rate(local, total), minBp, now));
        }
        allocation.localShareDrift = drift;
    }

    public record LocalShareDrift(UUID applicationId, UUID callId, String region, int localGovernmentShareBp,
            int requiredBp, Instant detectedAt) {
    }

    private Map<Integer, Map<Source, Long>> approved(UUID applicationId) {
        Map<Integer, Map<Source, Long>> approved = new TreeMap<>();
        Assessment assessment = assessments.latest(applicationId).orElse(null);
        if (assessment == null) {
            return approved;
        }
        for (Totals t : assessment.yearTotals) {
            Map<Source, Long> year = new EnumMap<>(Source.class);
            year.put(Source.CENTRAL, t.centralKrw());
            year.put(Source.LOCAL_GOVERNMENT, t.localGovernmentKrw());
            year.put(Source.SELF_CONTRIBUTION, t.selfContributionKrw());
            approved.put(t.fiscalYear(), year);
        }
        return approved;
    }

    private Map<Integer, Map<Source, Long>> spent(UUID applicationId) {
        Map<Integer, Map<Source, Long>> spent = new HashMap<>();
        for (Object[] row : expenditures.totals(applicationId)) {
            spent.computeIfAbsent((Integer) row[0], y -> new EnumMap<>(Source.class))
                    .put((Source) row[1], ((Number) row[2]).longValue());
        }
        return spent;
    }

    private static LineResult rejected(Numbered<ExpenditureInput> numbered, String field, String code,
            String message) {
        return LineResult.rejected(numbered.line(), numbered.input().externalId(), field, code, message);
    }

    /** part / whole in basis points, rounded down (an execution rate never shows more than was spent). */
    private static int rate(long part, long whole) {
        return whole == 0 ? 0 : (int) (part * Krw.FULL_BP / whole);
    }
}
