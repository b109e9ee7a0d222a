package kr.go.ax.evaluation.scores;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.evaluation.calls.CallEvaluationSettingsRepository;
import kr.go.ax.evaluation.conflicts.AssignmentService;
import kr.go.ax.evaluation.conflicts.AssignmentService.Assignment;
import kr.go.ax.evaluation.decisions.SelectionDecisionRepository;
import kr.go.ax.evaluation.evaluations.EvaluatedApplication;
import kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository;
import kr.go.ax.evaluation.evaluators.Evaluator;
import kr.go.ax.evaluation.rubrics.RubricContent;
import kr.go.ax.evaluation.rubrics.RubricRepository;
import kr.go.ax.evaluation.rubrics.Stage;

/** Scoring by evaluators: who may score, what a valid sheet is, and the audit trail of every change. */
@ApplicationScoped
public class ScoreService {
    private final AssignmentService assignments;
    private final EvaluatedApplicationRepository applications;
    private final CallEvaluationSettingsRepository calls;
    private final RubricRepository rubrics;
    private final SelectionDecisionRepository decisions;
    private final ScoreSheetRepository sheets;
    private final ScoreAuditRepository audit;
    private final kr.go.ax.evaluation.conflicts.DeclarationRepository declarations;
    private final Clock clock;

    public ScoreService(AssignmentService assignments, EvaluatedApplicationRepository applications,
            CallEvaluationSettingsRepository calls, RubricRepository rubrics, SelectionDecisionRepository decisions,
            ScoreSheetRepository sheets, ScoreAuditRepository audit,
            kr.go.ax.evaluation.conflicts.DeclarationRepository declarations, Clock clock) {
        this.declarations = declarations;
        this.assignments = assignments;
        this.applications = applications;
        this.calls = calls;
        this.rubrics = rubrics;
        this.decisions = decisions;
        this.sheets = sheets;
        this.audit = audit;
        this.clock = clock;
    }

    public record ScoreRequest(Stage stage, Map<String, Integer> scores, String comment) {
    }

    /** The evaluator, after checking they may see the application's evaluation at all (403 when excluded). */
    public Evaluator permittedEvaluator(String subject, UUID applicationId) {
        Evaluator evaluator = assignments.evaluatorOf(subject);
        Assignment assignment = assignments.assignment(evaluator, applicationId);
        switch (assignment.status()) {
            case Assignment.EXCLUDED -> throw ProblemException.forbidden("You are excluded from application "
                    + applicationId + " (" + assignment.exclusion() + ")");
            case Assignment.RECUSED -> throw ProblemException.forbidden("You recused yourself from application "
                    + applicationId);
            default -> {
                return evaluator;
            }
        }
    }

    @Transactional
    public ScoreSheet score(String subject, UUID applicationId, ScoreRequest request) {
        Evaluator evaluator = permittedEvaluator(subject, applicationId);
        if (Assignment.TO_DECLARE.equals(assignments.assignment(evaluator, applicationId).status())) {
            throw ProblemException.conflict("DECLARATION_REQUIRED", "Sign the conflict-of-interest declaration for "
                    + applicationId + " before scoring it");
        }
        // One evaluator's writes to one application take turns (a double-click makes one sheet, not two).
        declarations.lockFor(applicationId, evaluator.id);
        EvaluatedApplication application = applications.findById(applicationId);
        // Shared lock on the call: scoring waits for a decision being made (which locks it exclusively), so no
        // score changes under a decision that is reading the sheets.
        calls.findById(application.callId, LockModeType.PESSIMISTIC_READ);
        if (application.withdrawn()) {
            throw ProblemException.conflict("APPLICATION_WITHDRAWN", "Application " + applicationId
                    + " was withdrawn; it is no longer scored");
        }
        if (decisions.latest(application.callId).isPresent() && application.scoringReopenedAt == null) {
            throw ProblemException.conflict("SCORING_CLOSED", "The call is decided; scores of " + applicationId
                    + " change only when an upheld appeal reopens its scoring");
        }
        RubricContent rubric = rubrics.effective(application.callId);
        Map<String, Integer> scores = validate(rubric, request);
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();

        Instant now = clock.instant();
        ScoreSheet sheet = sheets.active(applicationId, evaluator.id, request.stage()).orElse(null);
        String action;
        if (sheet == null) {
            sheet = new ScoreSheet();
            sheet.id = UUID.randomUUID();
            sheet.applicationId = applicationId;
            sheet.evaluatorId = evaluator.id;
            sheet.stage = request.stage();
            sheet.revision = 1;
            sheet.createdAt = now;
            action = ScoreAudit.SCORED;
        } else if (sheet.scores.equals(scores) && Objects.equals(sheet.comment, comment)) {
            return sheet; // the same sheet again: nothing changes, nothing to audit
        } else {
            sheet.revision++;
            action = ScoreAudit.CHANGED;
        }
        sheet.scores = scores;
        sheet.comment = comment;
        sheet.updatedAt = now;
        if (ScoreAudit.SCORED.equals(action)) {
            sheets.persist(sheet);
        }
        record(sheet, action, subject, now);
        return sheet;
    }

    /** Voids a sheet so it no longer counts (an upheld appeal); kept, and audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void voidSheet(ScoreSheet sheet, String actor, String reason, Instant now) {
        sheet.voidedAt = now;
        sheet.voidReason = reason;
        record(sheet, ScoreAudit.VOIDED, actor, now);
    }

    private void record(ScoreSheet sheet, String action, String actor, Instant now) {
        ScoreAudit entry = new ScoreAudit();
        entry.sheetId = sheet.id;
        entry.applicationId = sheet.applicationId;
        entry.action = action;
        entry.scores = sheet.scores;
        entry.comment = sheet.comment;
        entry.actor = actor;
        entry.at = now;
        audit.persist(entry);
    }

    /**
     * Every criterion of the stage, nothing else, each within 0..max; a comment when any criterion is under its pass
     * mark. 422 naming each broken criterion.
     */
    static Map<String, Integer> validate(RubricContent rubric, ScoreRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, Integer> given = request.scores();
        Map<String, Integer> scores = new TreeMap<>();
        boolean underPassMark = false;
        for (RubricContent.Criterion criterion : rubric.criteria()) {
            if (criterion.stage() != request.stage()) {
                continue;
            }
            Integer points = given.get(criterion.code());
            String field = "scores." + criterion.code();
            if (points == null) {
                violations.add(new FieldViolation(field, "required", "every " + request.stage()
                        + " criterion must be scored"));
            } else if (points < 0 || points > criterion.maxPoints()) {
                violations.add(new FieldViolation(field, "range", "must be between 0 and " + criterion.maxPoints()));
            } else {
                scores.put(criterion.code(), points);
                underPassMark |= (long) points * 100 < (long) rubric.passCriterionPct() * criterion.maxPoints();
            }
        }
        for (String code : given.keySet()) {
            boolean known = rubric.criteria().stream()
                    .anyMatch(c -> c.stage() == request.stage() && c.code().equals(code));
            if (!known) {
                violations.add(new FieldViolation("scores." + code, "unknown-criterion",
                        "is not a " + request.stage() + " criterion of this call's rubric"));
            }
        }
        if (violations.isEmpty() && underPassMark && (request.comment() == null || request.comment().isBlank())) {
            violations.add(new FieldViolation("comment", "required-under-pass-mark",
                    "explain the score when a criterion is under " + rubric.passCriterionPct() + "% of its maximum"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "SCORES_INVALID", "Scores break the rubric",
                    violations.size() + " score(s) break the rubric", violations);
        }
        return scores;
    }
}
