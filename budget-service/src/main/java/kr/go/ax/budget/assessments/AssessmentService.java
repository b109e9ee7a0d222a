package kr.go.ax.budget.assessments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.go.ax.budget.calls.CallFundingRules;
import kr.go.ax.budget.calls.CallFundingRulesRepository;
import kr.go.ax.budget.rules.BudgetAssessment;
import kr.go.ax.budget.rules.BudgetLine;
import kr.go.ax.budget.rules.BudgetRules;
import kr.go.ax.common.events.ApplicationSnapshot;
import kr.go.ax.common.events.BudgetAssessed;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.inbox.RetryLaterException;
import kr.go.ax.common.events.outbox.Outbox;

/** Assesses each submitted budget once, stores the verdict and publishes it to applications-service. */
@ApplicationScoped
public class AssessmentService {
    private final AssessmentRepository assessments;
    private final CallFundingRulesRepository calls;
    private final Outbox outbox;

    public AssessmentService(AssessmentRepository assessments, CallFundingRulesRepository calls, Outbox outbox) {
        this.assessments = assessments;
        this.calls = calls;
        this.outbox = outbox;
    }

    /**
     * Runs inside the consumer's inbox transaction. A second delivery of the same submission finds its assessment
     * and does nothing; a resubmission (higher {@code submission}) gets a new one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assessSubmission(ApplicationSnapshot application, Instant now) {
        if (assessments.exists(application.id(), application.submission())) {
            return;
        }
        CallFundingRules call = calls.findByIdOptional(application.callId()).orElseThrow(() ->
                new RetryLaterException("the rules of call " + application.callId() + " have not arrived yet"));
        BudgetAssessment.Result result = BudgetAssessment.assess(
                new BudgetRules(call.centralShareMaxBp, call.localGovernmentShareMinBp,
                        call.centralReferencePerRegionPerYearKrw, call.fiscalYears),
                application.projects().stream().map(p -> p.budget().stream()
                        .map(l -> new BudgetLine(l.fiscalYear(), l.centralKrw(), l.localGovernmentKrw(),
                                l.selfContributionKrw()))
                        .toList()).toList());
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.applicationId = application.id();
        assessment.callId = application.callId();
        assessment.regionCode = application.region();
        assessment.submission = application.submission();
        assessment.rulesVersion = call.callVersion;
        assessment.input = application.projects();
        assessment.verdict = result.valid() ? BudgetAssessed.APPROVED : BudgetAssessed.REJECTED;
        assessment.violations = result.violations();
        assessment.yearTotals = result.years();
        assessment.overallTotals = result.overall();
        assessment.assessedAt = now;
        assessments.persist(assessment);

        List<BudgetAssessed.Violation> violations = result.violations().stream()
                .map(v -> new BudgetAssessed.Violation(v.code(), v.field(), v.message())).toList();
        outbox.record(Topics.BUDGET, "budget-assessment", application.id().toString(), EventTypes.BUDGET_ASSESSED,
                new BudgetAssessed(application.id(), application.callId(), application.submission(),
                        assessment.verdict, violations, now));
    }
}
