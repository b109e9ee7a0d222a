package kr.go.ax.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of every call event ({@code kr.go.ax.call.*}): the whole call as it stands after the change, so consumers
 * keep their own copy without asking applications-service. {@code version} grows with every change; a consumer
 * ignores a snapshot older than the one it holds.
 */
public record CallSnapshot(UUID id, String code, String title, String status, Instant opensAt, Instant closesAt,
        List<Integer> fiscalYears, int slots, int reserveSlots, FundingRules fundingRules, List<String> excludedRegions,
        int documentWeightPct, int presentationWeightPct, long version) {

    /** Co-financing rules; shares are basis points of the total project cost. */
    public record FundingRules(long centralPoolPerYearKrw, long centralReferencePerRegionPerYearKrw,
            int centralShareMaxBp, int localGovernmentShareMinBp) {
    }
}
