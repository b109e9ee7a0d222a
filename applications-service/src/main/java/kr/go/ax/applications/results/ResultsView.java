package kr.go.ax.applications.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The results framework of a call: per selected region, each indicator's baseline, target and"
        + " actual per period, with SME AI adoption set against the national baseline of its area")
public record ResultsView(
        @Schema(example = "5d2e7a10-9c1b-4f3e-8a6d-0b1c2d3e4f50") UUID callId,
        @Schema(description = "National SME AI adoption baselines, percent") NationalBaselines nationalBaselines,
        @Schema(description = "One entry per selected application, by region code") List<RegionResults> regions,
        @Schema(example = "2026-11-28T09:00:00Z") Instant generatedAt) {

    public record NationalBaselines(
            @Schema(description = "In the capital area (Seoul, Incheon, Gyeonggi)", example = "40.4")
            BigDecimal capitalAreaPct,
            @Schema(description = "Outside the capital area", example = "17.9") BigDecimal outsideCapitalAreaPct) {
    }

    public record RegionResults(
            @Schema(example = "KR-26") String regionCode,
            @Schema(example = "Busan") String regionName,
            @Schema(description = "Seoul, Incheon or Gyeonggi", example = "false") boolean capitalArea,
            @Schema(example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c") UUID applicationId,
            @Schema(example = "Busan shipbuilding AX") String title,
            @Schema(description = "The latest period reported; null before the first report", example = "2026-10")
            String latestPeriod,
            @Schema(description = "The national baseline of the region's area, percent", example = "17.9")
            BigDecimal nationalBaselineAiAdoptionPct,
            @Schema(description = "Latest reported SME AI adoption minus the national baseline of the area, in"
                    + " percentage points; null before the first report", example = "1.60")
            BigDecimal aiAdoptionVsNationalBaselinePp,
            List<IndicatorResults> indicators) {
    }

    public record IndicatorResults(
            Indicator indicator,
            @Schema(description = "From the application; null when it states none", example = "17.9")
            BigDecimal baseline,
            @Schema(description = "From the application; null when it states none", example = "30.0")
            BigDecimal target,
            @Schema(description = "The latest period's value; null before the first report", example = "19.5")
            BigDecimal latest,
            @Schema(description = "Every reported period, oldest first") List<PeriodValue> actuals) {
    }

    public record PeriodValue(@Schema(example = "2026-07") String period, @Schema(example = "19.5") BigDecimal value) {
    }
}
