package kr.go.ax.applications.applications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kr.go.ax.applications.calls.Call;
import kr.go.ax.applications.calls.CallRepository;
import kr.go.ax.applications.calls.CallStatus;
import kr.go.ax.common.events.ApplicationSnapshot;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.outbox.Outbox;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.common.web.CanonicalJson;

/** Use cases of applications; each is one transaction holding the state, the history row and the event. */
@ApplicationScoped
public class ApplicationService {
    static final String AGGREGATE = "application";

    private final ApplicationRepository applications;
    private final ApplicationTransitionRepository transitions;
    private final CallRepository calls;
    private final Outbox outbox;

    public ApplicationService(ApplicationRepository applications, ApplicationTransitionRepository transitions,
            CallRepository calls, Outbox outbox) {
        this.applications = applications;
        this.transitions = transitions;
        this.calls = calls;
        this.outbox = outbox;
    }

    @Transactional
    public Application create(ApplicationContent content, String region, String actor, Instant now) {
        Call call = callFor(content.callId());
        if (call.status == CallStatus.CLOSED || call.status == CallStatus.DECIDED) {
            throw ProblemException.conflict("CALL_NOT_OPEN", "Call " + call.id + " is " + call.status);
        }
        requireEligible(call, region);
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.callId = call.id;
        application.regionCode = region;
        application.status = ApplicationStatus.DRAFT;
        application.title = content.title().strip();
        application.content = content;
        application.createdBy = actor;
        application.createdAt = now;
        application.updatedAt = now;
        applications.persist(application);
        record(application, null, actor, now, "created");
        return application;
    }

    /** Replaces the content of a DRAFT or BUDGET_REJECTED application whose version the caller read. */
    @Transactional
    public Application update(UUID id, ApplicationAccess access, ApplicationContent content, long expectedVersion,
            Instant now) {
        Application application = access.changeable(applications.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
        if (application.version != expectedVersion) {
            throw new ProblemException(412, "STALE_VERSION", "Precondition failed",
                    "Application " + application.id + " changed since version " + expectedVersion
                            + "; it is at version " + application.version + ". Read it again and reapply.",
                    List.of());
        }
        if (!application.status.editable()) {
            throw ProblemException.conflict("APPLICATION_NOT_EDITABLE", "Application " + application.id + " is "
                    + application.status + "; only DRAFT or BUDGET_REJECTED applications can be changed");
        }
        if (!application.callId.equals(content.callId())) {
            throw ProblemException.invalid("callId", "immutable", "an application cannot move to another call");
        }
        application.content = content;
        application.title = content.title().strip();
        application.updatedAt = now;
        if (application.status == ApplicationStatus.BUDGET_REJECTED) {
            publish(application, EventTypes.APPLICATION_REVISED);
        }
        return application;
    }

    /** Submits (or resubmits after a budget rejection), checking the call, eligibility and completeness. */
    @Transactional
    public Application submit(UUID id, ApplicationAccess access, String actor, Instant now) {
        Application application = access.changeable(applications.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
        if (!application.status.canMoveTo(ApplicationStatus.SUBMITTED)) {
            throw invalidTransition(application, ApplicationStatus.SUBMITTED);
        }
        Call call = calls.findById(application.callId);
        if (call.status != CallStatus.OPEN) {
            throw ProblemException.conflict("CALL_NOT_OPEN",
                    "Call " + call.id + " is " + call.status + "; applications are accepted only while it is OPEN");
        }
        if (!now.isBefore(call.closesAt)) {
            throw ProblemException.conflict("DEADLINE_PASSED",
                    "The call closed at " + call.closesAt + "; the server received this at " + now);
        }
        requireEligible(call, application.regionCode);
        if (applications.hasOtherActive(call.id, application.regionCode, application.id)) {
            throw ProblemException.conflict("DUPLICATE_APPLICATION", "Region " + application.regionCode
                    + " already has an active application for call " + call.id + "; withdraw it first");
        }
        List<FieldViolation> missing = SubmissionRules.missing(application.content);
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "INCOMPLETE_APPLICATION", "Application is incomplete",
                    missing.size() + " required item(s) are missing", missing);
        }
        List<FieldViolation> outside = SubmissionRules.fiscalYearsOutside(application.content, call.fiscalYears);
        if (!outside.isEmpty()) {
            throw new ProblemException(422, "FISCAL_YEAR_OUTSIDE_CALL", "Fiscal year outside the call",
                    "The call funds fiscal years " + call.fiscalYears, outside);
        }
        ApplicationStatus from = application.status;
        application.status = ApplicationStatus.SUBMITTED;
        application.submission++;
        application.submittedAt = now;
        application.contentSha256 = CanonicalJson.sha256("", application.content);
        application.budgetAssessment = null;
        application.updatedAt = now;
        record(application, from, actor, now, application.submission == 1 ? "submitted" : "resubmitted");
        publish(application, EventTypes.APPLICATION_SUBMITTED);
        return application;
    }

    @Transactional
    public Application withdraw(UUID id, ApplicationAccess access, String reason, String actor, Instant now) {
        Application application = access.changeable(applications.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
        if (!application.status.canMoveTo(ApplicationStatus.WITHDRAWN)) {
            throw invalidTransition(application, ApplicationStatus.WITHDRAWN);
        }
        ApplicationStatus from = application.status;
        application.status = ApplicationStatus.WITHDRAWN;
        application.updatedAt = now;
        record(application, from, actor, now, reason == null ? "withdrawn by the region" : reason);
        publish(application, EventTypes.APPLICATION_WITHDRAWN);
        return application;
    }

    /**
     * Applies a transition decided by another service (budget verdict, evaluation start, decision). Runs inside the
     * consumer's inbox transaction; an illegal or stale transition is ignored and reported as such.
     *
     * @return whether the application changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean transitionFromEvent(UUID id, ApplicationStatus to, String actor, String reason, Instant now,
            java.util.function.Predicate<Application> applies, java.util.function.Consumer<Application> also) {
        Application application = applications.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !application.status.canMoveTo(to) || !applies.test(application)) {
            return false;
        }
        ApplicationStatus from = application.status;
        application.status = to;
        application.updatedAt = now;
        also.accept(application);
        record(application, from, actor, now, reason);
        publish(application, EventTypes.APPLICATION_STATUS_CHANGED);
        return true;
    }

    /**
     * Applies the outcome of a version of the call's selection decision. An outcome from an older version than the
     * one applied already changes nothing; the same status with a new rank updates the rank only.
     *
     * @return whether the application changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean applyDecision(UUID id, ApplicationStatus to, Integer rank, Integer decisionVersion, Instant now) {
        Application application = applications.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || decisionVersion != null && application.decisionVersion != null
                && application.decisionVersion >= decisionVersion) {
            return false;
        }
        if (application.status == to) {
            application.decisionRank = rank;
            application.decisionVersion = decisionVersion;
            return true;
        }
        String reason = decisionVersion == null || decisionVersion == 1 ? "selection decided"
                : "selection decision version " + decisionVersion;
        return transitionFromEvent(id, to, "evaluation-service", reason, now, a -> true, a -> {
            a.decisionRank = rank;
            a.decisionVersion = decisionVersion;
        });
    }

    private Call callFor(UUID callId) {
        return calls.findByIdOptional(callId).orElseThrow(() -> new ProblemException(422, "CALL_NOT_FOUND",
                "Unknown call", "Call " + callId + " does not exist",
                List.of(new FieldViolation("callId", "exists", "must name an existing call"))));
    }

    private static void requireEligible(Call call, String region) {
        if (call.excludedRegions.contains(region)) {
            throw new ProblemException(422, "REGION_NOT_ELIGIBLE", "Region not eligible",
                    "Region " + region + " is excluded from call " + call.code, List.of());
        }
    }

    private static ProblemException invalidTransition(Application application, ApplicationStatus to) {
        return ProblemException.conflict("INVALID_TRANSITION",
                "Application " + application.id + " is " + application.status + " and cannot become " + to);
    }

    private void record(Application application, ApplicationStatus from, String actor, Instant now, String reason) {
        ApplicationTransition transition = new ApplicationTransition();
        transition.applicationId = application.id;
        transition.fromStatus = from;
        transition.toStatus = application.status;
        transition.actor = actor;
        transition.at = now;
        transition.reason = reason;
        transitions.persist(transition);
    }

    private void publish(Application application, String type) {
        applications.flush(); // the snapshot carries the version after this change
        outbox.record(Topics.APPLICATIONS, AGGREGATE, application.id.toString(), type, snapshot(application));
    }

    static ApplicationSnapshot snapshot(Application a) {
        List<ApplicationSnapshot.Project> projects = new ArrayList<>();
        for (ApplicationContent.Project p : Objects.requireNonNullElse(a.content.projects(),
                List.<ApplicationContent.Project>of())) {
            List<ApplicationSnapshot.BudgetLine> lines = Objects.requireNonNullElse(p.budget(),
                    List.<ApplicationContent.BudgetLine>of()).stream()
                    .map(l -> new ApplicationSnapshot.BudgetLine(l.fiscalYear(), l.centralKrw(),
                            l.localGovernmentKrw(), l.selfContributionKrw()))
                    .toList();
            projects.add(new ApplicationSnapshot.Project(p.type().name(), p.title(), lines));
        }
        return new ApplicationSnapshot(a.id, a.callId, a.regionCode, a.title, a.status.name(),
                a.content.leadAgency(), a.content.partners(), projects, a.contentSha256, a.submittedAt,
                a.submission, a.version);
    }
}
