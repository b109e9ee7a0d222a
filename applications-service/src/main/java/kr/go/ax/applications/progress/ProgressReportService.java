package kr.go.ax.applications.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import kr.go.ax.applications.applications.ApplicationStatus;
import kr.go.ax.applications.progress.ProgressReportRepository.ReportedApplication;
import kr.go.ax.common.bulk.LineError;
import kr.go.ax.common.bulk.LineResult;
import kr.go.ax.common.bulk.NdjsonLines.Numbered;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.ProgressReported;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.outbox.Outbox;
import kr.go.ax.common.web.CanonicalJson;

/**
 * Stores period reports: upsert by application and period, each line on its own (a rejected line changes nothing),
 * a batch in one transaction under a lock of its applications, so concurrent uploads for one application are applied
 * one after the other and the cumulative checks see every stored report. Every stored change is published.
 */
@ApplicationScoped
public class ProgressReportService {
    static final String AGGREGATE = "application";

    private final ProgressReportRepository reports;
    private final Outbox outbox;

    public ProgressReportService(ProgressReportRepository reports, Outbox outbox) {
        this.reports = reports;
        this.outbox = outbox;
    }

    /** What happened to one line, and the stored report when there is one. */
    public record Outcome(LineResult result, ProgressReport report) {
    }

    /**
     * Applies a batch of reports sent by {@code region}; one outcome per line, in the batch's order.
     */
    @Transactional
    public List<Outcome> store(String region, String actor, List<Numbered<ProgressReportInput>> batch, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        List<UUID> ids = batch.stream().map(n -> n.input().applicationId()).filter(Objects::nonNull).distinct()
                .sorted().toList();
        Map<UUID, ReportedApplication> applications = ids.isEmpty() ? Map.of() : reports.lockApplications(ids);
        Map<UUID, List<ProgressReport>> stored = applications.isEmpty() ? new HashMap<>()
                : reports.ofApplications(applications.keySet());
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        // A period reported twice in one batch is written once, with its last content; each change has its event.
        Set<ProgressReport> changed = new LinkedHashSet<>();
        List<Outbox.Pending> events = new ArrayList<>();
        for (Numbered<ProgressReportInput> line : batch) {
            Outcome outcome = storeOne(line, region, actor, applications, stored, today, at);
            outcomes.add(outcome);
            if (outcome.result().is(LineResult.ACCEPTED)) {
                changed.add(outcome.report());
                events.add(new Outbox.Pending(Topics.PROGRESS, AGGREGATE, outcome.report().applicationId.toString(),
                        EventTypes.PROGRESS_REPORTED, event(outcome.report())));
            }
        }
        reports.upsert(List.copyOf(changed));
        outbox.recordAll(events); // one batch for the whole chunk
        return outcomes;
    }

    private Outcome storeOne(Numbered<ProgressReportInput> line, String region, String actor,
            Map<UUID, ReportedApplication> applications, Map<UUID, List<ProgressReport>> stored,
            LocalDate today, Instant now) {
        ProgressReportInput in = line.input();
        int number = line.line();
        if (in.applicationId() == null) {
            return rejected(number, in, "applicationId", "INVALID_VALUE", "must not be null");
        }
        ReportedApplication application = applications.get(in.applicationId());
        if (application == null || !application.regionCode().equals(region)) {
            // Another region's application is reported as unknown: its existence is not disclosed.
            return rejected(number, in, "applicationId", "NOT_FOUND", "region " + region
                    + " has no application " + in.applicationId());
        }
        if (application.status() != ApplicationStatus.SELECTED) {
            return rejected(number, in, "applicationId", "APPLICATION_NOT_SELECTED", "application "
                    + application.id() + " is " + application.status()
                    + "; only SELECTED applications report progress");
        }
        Period period = Period.parse(in.period()).orElse(null);
        if (period == null) {
            return rejected(number, in, "period", "INVALID_PERIOD", "must be " + Period.FORMAT);
        }
        List<ProgressReport> ofApplication = stored.computeIfAbsent(application.id(), k -> new ArrayList<>());
        ProgressReport existing = null;
        List<ProgressReport> others = new ArrayList<>();
        for (ProgressReport r : ofApplication) {
            if (r.period.equals(period.code())) {
                existing = r;
            } else {
                others.add(r);
                if (r.externalId.equals(in.externalId())) {
                    return rejected(number, in, "externalId", "EXTERNAL_ID_CONFLICT", "externalId "
                            + in.externalId() + " already names the report for " + r.period);
                }
            }
        }
        String sha256 = CanonicalJson.sha256("progress-report\n", normalized(in));
        if (existing != null && existing.contentSha256.equals(sha256)) {
            return new Outcome(new LineResult(number, LineResult.UNCHANGED, in.externalId(), List.of()), existing);
        }
        List<LineError> errors = ProgressRules.check(in, period, application.fiscalYears(), application.projects(),
                today, others);
        if (!errors.isEmpty()) {
            return new Outcome(new LineResult(number, LineResult.REJECTED, in.externalId(), errors), null);
        }
        ProgressReport report = existing;
        if (report == null) {
            report = new ProgressReport();
            report.id = UUID.randomUUID();
            report.applicationId = application.id();
            report.callId = application.callId();
            report.regionCode = application.regionCode();
            report.period = period.code();
            report.periodStart = period.start();
            report.periodEnd = period.end();
            report.createdAt = now;
            report.revision = 0;
            ofApplication.add(report);
        }
        report.externalId = in.externalId();
        report.smesSupported = in.smesSupported();
        report.solutionsDeployed = in.solutionsDeployed();
        report.traineesTrained = in.traineesTrained();
        report.aiAdoptionPct = percent(in.aiAdoptionPct());
        report.localVendorSharePct = percent(in.localVendorSharePct());
        report.jobsCreated = in.jobsCreated();
        report.correction = in.isCorrection();
        report.narrative = in.narrative();
        report.milestones = List.copyOf(in.milestonesOrEmpty());
        report.contentSha256 = sha256;
        report.revision++;
        report.updatedAt = now;
        report.updatedBy = actor;
        return new Outcome(new LineResult(number, LineResult.ACCEPTED, in.externalId(), List.of()), report);
    }

    /** What counts as the same content: defaults filled in, percentages at two decimals, no application id. */
    private static ProgressReportInput normalized(ProgressReportInput in) {
        return new ProgressReportInput(null, in.externalId(), in.period(), in.smesSupported(),
                in.solutionsDeployed(), in.traineesTrained(), percent(in.aiAdoptionPct()),
                percent(in.localVendorSharePct()), in.jobsCreated(), in.isCorrection(), in.narrative(),
                in.milestonesOrEmpty());
    }

    private static BigDecimal percent(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY); // validated: at most two decimals
    }

    private static Outcome rejected(int line, ProgressReportInput in, String field, String code, String message) {
        return new Outcome(LineResult.rejected(line, in.externalId(), field, code, message), null);
    }

    static ProgressReported event(ProgressReport r) {
        return new ProgressReported(r.id, r.applicationId, r.callId, r.regionCode, r.period, r.periodStart,
                r.periodEnd, r.externalId, r.revision, r.correction, r.smesSupported, r.solutionsDeployed,
                r.traineesTrained, r.aiAdoptionPct, r.localVendorSharePct, r.jobsCreated,
                r.milestones.stream().map(m -> new ProgressReported.Milestone(m.projectIndex(), m.status().name(),
                        m.dueOn(), m.completedOn())).toList(), r.updatedAt);
    }
}
