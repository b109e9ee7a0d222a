package kr.go.ax.applications.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call as clients see it. */
public record CallResponse(UUID id, String code, String title, CallStatus status, Instant opensAt, Instant closesAt,
        List<Integer> fiscalYears, int slots, int reserveSlots, FundingRules fundingRules, Eligibility eligibility,
        Evaluation evaluation, long version, Instant createdAt, Instant updatedAt) {

    public record FundingRules(long centralPoolPerYearKrw, long centralReferencePerRegionPerYearKrw,
            int centralShareMaxBp, int localGovernmentShareMinBp) {
    }

    public record Eligibility(List<String> excludedRegions) {
    }

    public record Evaluation(int documentWeightPct, int presentationWeightPct) {
    }

    static CallResponse of(Call call) {
        return new CallResponse(call.id, call.code, call.title, call.status, call.opensAt, call.closesAt,
                call.fiscalYears, call.slots, call.reserveSlots,
                new FundingRules(call.centralPoolPerYearKrw, call.centralReferencePerRegionPerYearKrw,
                        call.centralShareMaxBp, call.localGovernmentShareMinBp),
                new Eligibility(call.excludedRegions),
                new Evaluation(call.documentWeightPct, call.presentationWeightPct),
                call.version, call.createdAt, call.updatedAt);
    }
}
