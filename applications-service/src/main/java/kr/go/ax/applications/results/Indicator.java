package kr.go.ax.applications.results;

import java.math.BigDecimal;
import java.util.function.Function;
import kr.go.ax.applications.applications.ApplicationContent;
import kr.go.ax.applications.progress.ProgressReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The indicators of the results framework: where each one's baseline and target come from in the application, and
 * its actual value in a period report. Counters start from a baseline of 0 (they count what the project did).
 */
@Schema(description = "An indicator of the results framework")
public enum Indicator {
    AI_ADOPTION_PCT(k -> k.baselineAiAdoptionPct(), k -> k.targetAiAdoptionPct(), r -> r.aiAdoptionPct),
    SMES_SUPPORTED(k -> BigDecimal.ZERO, k -> decimal(k.smesSupported()), r -> decimal(r.smesSupported)),
    SOLUTIONS_DEPLOYED(k -> BigDecimal.ZERO, k -> null, r -> decimal(r.solutionsDeployed)),
    TRAINEES_TRAINED(k -> BigDecimal.ZERO, k -> decimal(k.traineesPlanned()), r -> decimal(r.traineesTrained)),
    JOBS_CREATED(k -> BigDecimal.ZERO, k -> null, r -> decimal(r.jobsCreated)),
    LOCAL_VENDOR_SHARE_PCT(k -> null, k -> k.localVendorSharePct(), r -> r.localVendorSharePct);

    private final Function<ApplicationContent.Kpis, BigDecimal> baseline;
    private final Function<ApplicationContent.Kpis, BigDecimal> target;
    private final Function<ProgressReport, BigDecimal> actual;

    Indicator(Function<ApplicationContent.Kpis, BigDecimal> baseline,
            Function<ApplicationContent.Kpis, BigDecimal> target, Function<ProgressReport, BigDecimal> actual) {
        this.baseline = baseline;
        this.target = target;
        this.actual = actual;
    }

    /** From the application's KPIs; null when the application states none. */
    BigDecimal baseline(ApplicationContent.Kpis kpis) {
        return kpis == null ? null : baseline.apply(kpis);
    }

    BigDecimal target(ApplicationContent.Kpis kpis) {
        return kpis == null ? null : target.apply(kpis);
    }

    BigDecimal actual(ProgressReport report) {
        return actual.apply(report);
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
