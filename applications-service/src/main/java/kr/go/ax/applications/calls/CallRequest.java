package kr.go.ax.applications.calls;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import kr.go.ax.common.money.Krw;

/** Body of {@code POST /api/v1/calls} and {@code PUT /api/v1/calls/{id}}. */
public record CallRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}",
                message = "must be 3 to 40 upper-case letters, digits or dashes") String code,
        @NotBlank @Size(max = 200) String title,
        @NotNull Instant opensAt,
        @NotNull Instant closesAt,
        @NotEmpty @Size(max = 10) List<@NotNull @Min(2020) @Max(2100) Integer> fiscalYears,
        @NotNull @Min(1) @Max(17) Integer slots,
        @NotNull @Min(0) @Max(17) Integer reserveSlots,
        @NotNull @Valid FundingRules fundingRules,
        @Valid Eligibility eligibility,
        @Valid EvaluationWeights evaluation) {

    /** Shares are basis points of the total project cost (6000 = 60.00%). */
    public record FundingRules(
            @NotNull @Min(1) @Max(Krw.MAX_AMOUNT) Long centralPoolPerYearKrw,
            @NotNull @Min(1) @Max(Krw.MAX_AMOUNT) Long centralReferencePerRegionPerYearKrw,
            @NotNull @Min(1) @Max(Krw.FULL_BP) Integer centralShareMaxBp,
            @NotNull @Min(0) @Max(Krw.FULL_BP) Integer localGovernmentShareMinBp) {
    }

    public record Eligibility(@Size(max = 17) List<@NotNull String> excludedRegions) {
    }

    public record EvaluationWeights(@NotNull @Min(0) @Max(100) Integer documentWeightPct,
            @NotNull @Min(0) @Max(100) Integer presentationWeightPct) {
    }
}
