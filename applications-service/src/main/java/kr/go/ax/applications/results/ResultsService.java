package kr.go.ax.applications.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.go.ax.applications.applications.Application;
import kr.go.ax.applications.applications.ApplicationRepository;
import kr.go.ax.applications.applications.ApplicationStatus;
import kr.go.ax.applications.calls.CallRepository;
import kr.go.ax.applications.progress.ProgressReport;
import kr.go.ax.applications.progress.ProgressReportRepository;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.common.region.Region;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the results framework of a call from the selected applications (baselines and targets) and their period
 * reports (actuals), and sets each region's SME AI adoption against the national baseline of its area.
 */
@ApplicationScoped
public class ResultsService {
    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final ProgressReportRepository reports;
    private final ResultsView.NationalBaselines baselines;

    public ResultsService(CallRepository calls, ApplicationRepository applications, ProgressReportRepository reports,
            @ConfigProperty(name = "ax.results.national-baseline.capital-area-pct", defaultValue = "40.4")
            BigDecimal capitalArea,
            @ConfigProperty(name = "ax.results.national-baseline.outside-capital-area-pct", defaultValue = "17.9")
            BigDecimal outsideCapitalArea) {
        this.calls = calls;
        this.applications = applications;
        this.reports = reports;
        this.baselines = new ResultsView.NationalBaselines(capitalArea, outsideCapitalArea);
    }

    /** The call's results; {@code onlyRegion} narrows them to one region (a region sees only its own). */
    public ResultsView forCall(UUID callId, Optional<String> onlyRegion, Instant now) {
        if (calls.findById(callId) == null) {
            throw ProblemException.notFound("Call", callId);
        }
        Map<UUID, List<ProgressReport>> byApplication = reports.ofCall(callId).stream()
                .collect(Collectors.groupingBy(r -> r.applicationId));
        List<ResultsView.RegionResults> regions = new ArrayList<>();
        for (Application a : applications.list("callId = ?1 and status = ?2 order by regionCode, id", callId,
                ApplicationStatus.SELECTED)) {
            if (onlyRegion.isPresent() && !onlyRegion.get().equals(a.regionCode)) {
                continue;
            }
            regions.add(region(a, byApplication.getOrDefault(a.id, List.of())));
        }
        return new ResultsView(callId, baselines, regions, now);
    }

    private ResultsView.RegionResults region(Application a, List<ProgressReport> reported) {
        Optional<Region> region = Region.fromCode(a.regionCode);
        boolean capitalArea = region.map(Region::capitalArea).orElse(false);
        BigDecimal national = capitalArea ? baselines.capitalAreaPct() : baselines.outsideCapitalAreaPct();
        ProgressReport latest = reported.isEmpty() ? null : reported.get(reported.size() - 1);
        List<ResultsView.IndicatorResults> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            indicators.add(new ResultsView.IndicatorResults(indicator, indicator.baseline(a.content.kpis()),
                    indicator.target(a.content.kpis()), latest == null ? null : indicator.actual(latest),
                    reported.stream().map(r -> new ResultsView.PeriodValue(r.period, indicator.actual(r))).toList()));
        }
        return new ResultsView.RegionResults(a.regionCode, region.map(Region::nameEn).orElse(a.regionCode),
                capitalArea, a.id, a.title, latest == null ? null : latest.period, national,
                latest == null ? null : latest.aiAdoptionPct.subtract(national), indicators);
    }

    /** One CSV row: a region's indicator in one period (or with no period before the first report). */
    @JsonPropertyOrder({"callId", "regionCode", "regionName", "capitalArea", "applicationId", "indicator",
            "baseline", "target", "nationalBaseline", "period", "value"})
    public record CsvRow(UUID callId, String regionCode, String regionName, boolean capitalArea, UUID applicationId,
            Indicator indicator, BigDecimal baseline, BigDecimal target, BigDecimal nationalBaseline, String period,
            BigDecimal value) {
    }

    /** The same figures as {@link #forCall}, flattened for a spreadsheet. */
    public static List<CsvRow> rows(ResultsView view) {
        List<CsvRow> rows = new ArrayList<>();
        for (ResultsView.RegionResults r : view.regions()) {
            for (ResultsView.IndicatorResults i : r.indicators()) {
                BigDecimal national = i.indicator() == Indicator.AI_ADOPTION_PCT ? r.nationalBaselineAiAdoptionPct()
                        : null;
                if (i.actuals().isEmpty()) {
                    rows.add(new CsvRow(view.callId(), r.regionCode(), r.regionName(), r.capitalArea(),
                            r.applicationId(), i.indicator(), i.baseline(), i.target(), national, null, null));
                }
                for (ResultsView.PeriodValue v : i.actuals()) {
                    rows.add(new CsvRow(view.callId(), r.regionCode(), r.regionName(), r.capitalArea(),
                            r.applicationId(), i.indicator(), i.baseline(), i.target(), national, v.period(),
                            v.value()));
                }
            }
        }
        return rows;
    }
}
