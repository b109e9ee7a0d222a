package kr.go.ax.applications.progress;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One period report of a selected application, as a region's IT system sends it. The four counters are cumulative
 * since the project started; the two percentages are the values at the end of the period.
 */
@Schema(description = "A period report of a selected application. smesSupported, solutionsDeployed, traineesTrained"
        + " and jobsCreated are cumulative since the start of the project: they never go down from one period to a"
        + " later one unless the report is marked as a correction.")
public record ProgressReportInput(
        @Schema(description = "The application reported on; in the single-report endpoint it may be left out (the"
                + " path names it)", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
        UUID applicationId,
        @Schema(description = "The region system's own id of this report, unique per application",
                example = "busan-2026-07")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without"
                + " spaces") String externalId,
        @Schema(description = "The period: YYYY-MM for a month or YYYY-Qn for a quarter; inside the call's fiscal"
                + " years and already begun", example = "2026-07")
        @NotBlank String period,
        @Schema(description = "SMEs supported so far (cumulative)", example = "12")
        @NotNull @Min(0) @Max(10_000_000) Integer smesSupported,
        @Schema(description = "AI solutions deployed so far (cumulative)", example = "3")
        @NotNull @Min(0) @Max(10_000_000) Integer solutionsDeployed,
        @Schema(description = "People trained so far (cumulative)", example = "40")
        @NotNull @Min(0) @Max(10_000_000) Integer traineesTrained,
        @Schema(description = "Share of the region's SMEs using AI at the end of the period, percent, two decimals",
                example = "19.5")
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal aiAdoptionPct,
        @Schema(description = "Share of the spending that went to local vendors, percent, two decimals",
                example = "55.0")
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal localVendorSharePct,
        @Schema(description = "Jobs created so far (cumulative)", example = "4")
        @NotNull @Min(0) @Max(10_000_000) Integer jobsCreated,
        @Schema(description = "Marks a report that corrects figures sent before: its counters may be lower than"
                + " an earlier period's", example = "false")
        Boolean correction,
        @Schema(description = "What happened in the period, in the region's words",
                example = "Three AI quality-inspection pilots went live in Gangseo-gu factories.")
        @Size(max = 10_000) String narrative,
        @Schema(description = "Status of the application's component projects")
        @Size(max = 100) List<@NotNull @Valid Milestone> milestones) {

    @Schema(description = "Where one component project of the application stands")
    public record Milestone(
            @Schema(description = "Index of the project in the application's projects, from 0", example = "0")
            @NotNull @Min(0) @Max(19) Integer projectIndex,
            @Schema(description = "PLANNED, ON_TRACK, DELAYED or DONE") @NotNull MilestoneStatus status,
            @Schema(description = "When the project is due", example = "2026-09-30")
            @NotNull @JsonFormat(pattern = "yyyy-MM-dd") LocalDate dueOn,
            @Schema(description = "When it was done; required with DONE and only then", example = "2026-09-12")
            @JsonFormat(pattern = "yyyy-MM-dd") LocalDate completedOn) {
    }

    public enum MilestoneStatus {
        PLANNED, ON_TRACK, DELAYED, DONE
    }

    public boolean isCorrection() {
        return Boolean.TRUE.equals(correction);
    }

    public List<Milestone> milestonesOrEmpty() {
        return milestones == null ? List.of() : milestones;
    }
}
