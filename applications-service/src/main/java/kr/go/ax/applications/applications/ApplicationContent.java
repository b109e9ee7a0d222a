package kr.go.ax.applications.applications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.money.Krw;

/**
 * What a region writes in an application: the body of {@code POST /api/v1/applications} and
 * {@code PUT /api/v1/applications/{id}}. A draft may be incomplete; submit checks completeness. Status, region, ids
 * and timestamps are not part of it and cannot be set by a client (unknown properties are rejected).
 */
public record ApplicationContent(
        @NotNull UUID callId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String summary,
        @Size(max = 200) String leadAgency,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> partners,
        @Size(max = 10) List<@NotNull IndustryFocus> industryFocus,
        @Size(max = 20) List<@NotNull @Valid Project> projects,
        @Valid Kpis kpis,
        @Size(max = 4000) String sustainabilityPlan) {

    public record Project(
            @NotNull ProjectType type,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Min(0) @Max(100_000) Integer targetSmeCount,
            @Size(max = 10) List<@NotNull @Valid BudgetLine> budget) {
    }

    /** One fiscal year of a project's money, in whole KRW per funding source. */
    public record BudgetLine(
            @NotNull @Min(2020) @Max(2100) Integer fiscalYear,
            @NotNull @Min(0) @Max(Krw.MAX_AMOUNT) Long centralKrw,
            @NotNull @Min(0) @Max(Krw.MAX_AMOUNT) Long localGovernmentKrw,
            @NotNull @Min(0) @Max(Krw.MAX_AMOUNT) Long selfContributionKrw) {
    }

    /** Targets the region commits to; percentages with at most two decimals. */
    public record Kpis(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal baselineAiAdoptionPct,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal targetAiAdoptionPct,
            @NotNull @Min(0) @Max(1_000_000) Integer smesSupported,
            @NotNull @Min(0) @Max(1_000_000) Integer traineesPlanned,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal localVendorSharePct) {
    }
}
