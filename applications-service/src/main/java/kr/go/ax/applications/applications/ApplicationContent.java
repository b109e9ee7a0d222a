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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a region writes in an application: the body of {@code POST /api/v1/applications} and
 * {@code PUT /api/v1/applications/{id}}. A draft may be incomplete; submit checks completeness. Status, region, ids
 * and timestamps are not part of it and cannot be set by a client (unknown properties are rejected).
 */
@Schema(description = "What a region writes in an application. A DRAFT may be incomplete; submitting requires "
        + "summary, leadAgency, sustainabilityPlan, industryFocus, kpis and at least one project with a description, "
        + "targetSmeCount and budget. Unknown properties are rejected.")
public record ApplicationContent(
        @Schema(description = "Id of the call applied to; it cannot change after creation",
                example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
        @NotNull UUID callId,
        @Schema(description = "Title of the application, at most 200 characters", example = "Busan shipbuilding AX")
        @NotBlank @Size(max = 200) String title,
        @Schema(description = "Summary of the plan, at most 4000 characters; required to submit",
                example = "AI for shipyards and their suppliers along the Busan coast")
        @Size(max = 4000) String summary,
        @Schema(description = "Agency that leads the projects, at most 200 characters; required to submit",
                example = "Busan Technopark")
        @Size(max = 200) String leadAgency,
        @Schema(description = "Partner organisations, at most 30 of at most 200 characters each",
                example = "[\"Pusan National University\", \"Korea Maritime & Ocean University\"]")
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> partners,
        @Schema(description = "Regional industries targeted, at most 10; at least one is required to submit")
        @Size(max = 10) List<@NotNull IndustryFocus> industryFocus,
        @Schema(description = "Projects of the plan, at most 20; at least one is required to submit")
        @Size(max = 20) List<@NotNull @Valid Project> projects,
        @Schema(description = "KPI targets the region commits to; required to submit")
        @Valid Kpis kpis,
        @Schema(description = "How the results are kept going after the programme, at most 4000 characters; "
                + "required to submit", example = "Busan Technopark keeps the platform running after 2027")
        @Size(max = 4000) String sustainabilityPlan) {

    @Schema(description = "One project of the application")
    public record Project(
            @Schema(description = "Programme project type")
            @NotNull ProjectType type,
            @Schema(description = "Title of the project, at most 200 characters", example = "Welding vision")
            @NotBlank @Size(max = 200) String title,
            @Schema(description = "What the project does, at most 4000 characters; required to submit",
                    example = "Vision AI that inspects hull welds for small shipbuilding suppliers")
            @Size(max = 4000) String description,
            @Schema(description = "Number of SMEs the project serves, 0 to 100000; required to submit",
                    example = "30")
            @Min(0) @Max(100_000) Integer targetSmeCount,
            @Schema(description = "Money per fiscal year, at most 10 lines; at least one is required to submit and "
                    + "each fiscal year must be one the call funds")
            @Size(max = 10) List<@NotNull @Valid BudgetLine> budget) {
    }

    /** One fiscal year of a project's money, in whole KRW per funding source. */
    @Schema(description = "One fiscal year of a project's money, in whole KRW per funding source")
    public record BudgetLine(
            @Schema(description = "Fiscal year, 2020 to 2100; must be one of the call's fiscal years to submit",
                    example = "2026")
            @NotNull @Min(2020) @Max(2100) Integer fiscalYear,
            @Schema(description = "Central-government funding, whole KRW", example = "3000000000")
            @NotNull @Min(0) @Max(Krw.MAX_AMOUNT) Long centralKrw,
            @Schema(description = "Local-government funding, whole KRW", example = "1200000000")
            @NotNull @Min(0) @Max(Krw.MAX_AMOUNT) Long localGovernmentKrw,
            @Schema(description = "Participants' own contribution, whole KRW", example = "800000000")
            @NotNull @Min(0) @Max(Krw.MAX_AMOUNT) Long selfContributionKrw) {
    }

    /** Targets the region commits to; percentages with at most two decimals. */
    @Schema(description = "KPI targets the region commits to; percentages are 0 to 100 with at most two decimals")
    public record Kpis(
            @Schema(description = "Share of the region's SMEs using AI today, in percent", example = "17.9")
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal baselineAiAdoptionPct,
            @Schema(description = "Share of the region's SMEs to use AI at the end, in percent", example = "30.0")
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal targetAiAdoptionPct,
            @Schema(description = "Number of SMEs supported, 0 to 1000000", example = "120")
            @NotNull @Min(0) @Max(1_000_000) Integer smesSupported,
            @Schema(description = "Number of people to be trained, 0 to 1000000", example = "400")
            @NotNull @Min(0) @Max(1_000_000) Integer traineesPlanned,
            @Schema(description = "Share of the work given to local vendors, in percent", example = "60.0")
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal localVendorSharePct) {
    }
}
