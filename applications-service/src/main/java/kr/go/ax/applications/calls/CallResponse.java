package kr.go.ax.applications.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A call as clients see it. */
@Schema(description = "A programme call as clients see it; its version is also sent as the ETag")
public record CallResponse(
        @Schema(description = "Id of the call", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c") UUID id,
        @Schema(description = "Unique code of the call", example = "AX-2026-01") String code,
        @Schema(description = "Title of the call", example = "Region-Led AI Transformation 2026") String title,
        @Schema(description = "Where the call is in its lifecycle: DRAFT -> OPEN -> CLOSED -> DECIDED")
        CallStatus status,
        @Schema(description = "When regions may start applying (UTC)", example = "2026-02-04T00:00:00Z")
        Instant opensAt,
        @Schema(description = "Deadline for submissions (UTC); the call closes by itself when it passes",
                example = "2026-03-10T09:00:00Z")
        Instant closesAt,
        @Schema(description = "Fiscal years the call funds, ascending", example = "[2026, 2027]")
        List<Integer> fiscalYears,
        @Schema(description = "How many regions are selected", example = "6") int slots,
        @Schema(description = "How many regions are kept in reserve", example = "2") int reserveSlots,
        @Schema(description = "Co-financing rules of the call") FundingRules fundingRules,
        @Schema(description = "Which regions may apply") Eligibility eligibility,
        @Schema(description = "Weights of the evaluation stages") Evaluation evaluation,
        @Schema(description = "Version of the call, incremented by every change; the ETag carries it",
                example = "3")
        long version,
        @Schema(description = "When the call was created (UTC)", example = "2026-01-15T01:30:00Z") Instant createdAt,
        @Schema(description = "When the call last changed (UTC)", example = "2026-02-04T00:00:00Z")
        Instant updatedAt) {

    @Schema(description = "Co-financing rules. Amounts are whole KRW; shares are basis points of the total project "
            + "cost (6000 = 60.00%).")
    public record FundingRules(
            @Schema(description = "Central-government money per fiscal year for all selected regions, in KRW",
                    example = "42000000000")
            long centralPoolPerYearKrw,
            @Schema(description = "Reference central funding per region and fiscal year, in KRW",
                    example = "7000000000")
            long centralReferencePerRegionPerYearKrw,
            @Schema(description = "Highest central share of the total project cost, in basis points",
                    example = "6000")
            int centralShareMaxBp,
            @Schema(description = "Lowest local-government share of the total project cost, in basis points",
                    example = "2000")
            int localGovernmentShareMinBp) {
    }

    @Schema(description = "Which regions may apply to the call")
    public record Eligibility(
            @Schema(description = "ISO 3166-2:KR codes of the regions that may not apply, ascending",
                    example = "[\"KR-11\", \"KR-41\"]")
            List<String> excludedRegions) {
    }

    @Schema(description = "Weights of the evaluation stages in percent, adding up to 100")
    public record Evaluation(
            @Schema(description = "Weight of the document review", example = "40") int documentWeightPct,
            @Schema(description = "Weight of the presentation", example = "60") int presentationWeightPct) {
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
