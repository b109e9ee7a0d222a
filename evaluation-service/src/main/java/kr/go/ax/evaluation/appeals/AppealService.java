package kr.go.ax.evaluation.appeals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.outbox.Outbox;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.evaluation.decisions.DecisionService;
import kr.go.ax.evaluation.decisions.SelectionRules;
import kr.go.ax.evaluation.evaluations.EvaluatedApplication;
import kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository;
import kr.go.ax.evaluation.ranking.EvaluationRules;
import kr.go.ax.evaluation.scores.ScoreService;
import kr.go.ax.evaluation.scores.ScoreSheet;
import kr.go.ax.evaluation.scores.ScoreSheetRepository;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Appeals: a region files one against its decided outcome within the appeal window; an admin upholds or dismisses it.
 * Upholding may void named score sheets and reopens the application's scoring until the next decision version.
 */
@ApplicationScoped
public class AppealService {
    private final AppealRepository appeals;
    private final EvaluatedApplicationRepository applications;
    private final DecisionService decisions;
    private final ScoreSheetRepository sheets;
    private final ScoreService scoring;
    private final EvaluationRules rules;
    private final kr.go.ax.evaluation.calls.CallEvaluationSettingsRepository calls;
    private final Outbox outbox;
    private final Clock clock;

    public AppealService(AppealRepository appeals, EvaluatedApplicationRepository applications,
            DecisionService decisions, ScoreSheetRepository sheets, ScoreService scoring, EvaluationRules rules,
            kr.go.ax.evaluation.calls.CallEvaluationSettingsRepository calls, Outbox outbox, Clock clock) {
        this.calls = calls;
        this.appeals = appeals;
        this.applications = applications;
        this.decisions = decisions;
        this.sheets = sheets;
        this.scoring = scoring;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Schema(description = "An appeal and, once resolved, its resolution")
    public record AppealView(
            @Schema(description = "The appeal's id", example = "e5f2a8c4-1b9d-4e7a-b3c6-0d8f2e4a6b1c") UUID id,
            @Schema(description = "The appealed application", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
            UUID applicationId,
            @Schema(description = "The application's call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e")
            UUID callId,
            @Schema(description = "The appealing region, ISO 3166-2:KR", example = "KR-26") String region,
            @Schema(description = "Why the decision is contested") Appeal.Ground ground,
            @Schema(description = "The region's reasons",
                    example = "The PRESENTATION score for FEASIBILITY ignores the signed matching-fund commitment of"
                            + " Busan Metropolitan City (appendix 4), which covers 30% of the 2026 budget.")
            String statement,
            @Schema(description = "FILED while under review, then UPHELD or DISMISSED") Appeal.Status status,
            @Schema(description = "When the region filed it (UTC)", example = "2026-03-12T02:15:00Z") Instant filedAt,
            @Schema(description = "The admin's resolution; null while FILED",
                    example = "Upheld: evaluator C scored FEASIBILITY without the matching-fund commitment; the sheet"
                            + " is voided and the PRESENTATION stage is re-scored.")
            String resolution,
            @Schema(description = "The score sheets the upheld appeal voided; empty otherwise")
            List<UUID> voidedSheets,
            @Schema(description = "When it was resolved (UTC); null while FILED", example = "2026-03-16T07:30:00Z")
            Instant resolvedAt) {
        public static AppealView of(Appeal a) {
            return new AppealView(a.id, a.applicationId, a.callId, a.regionCode, a.ground, a.statement, a.status,
                    a.filedAt, a.resolution, List.copyOf(a.voidedSheets), a.resolvedAt);
        }
    }

    /** When the application's appeal window closes, or null when it has no decided outcome to appeal. */
    public Instant windowClosesAt(DecisionService.Standing standing) {
        return standing.outcomeDecidedAt().plus(rules.appealWindow());
    }

    @Transactional
    public Appeal file(EvaluatedApplication application, Appeal.Ground ground, String statement, String actor) {
        applications.findById(application.applicationId, LockModeType.PESSIMISTIC_WRITE); // one filing at a time
        DecisionService.Standing standing = decisions.standing(application.callId, application.applicationId)
                .filter(s -> !SelectionRules.WITHDRAWN.equals(s.outcome().decision()))
                .orElseThrow(() -> ProblemException.conflict("NOT_DECIDED", "Application "
                        + application.applicationId + " has no decided outcome to appeal"));
        Instant now = clock.instant();
        Instant closes = windowClosesAt(standing);
        if (now.isAfter(closes)) {
            throw new ProblemException(422, "APPEAL_WINDOW_CLOSED", "Appeal window closed",
                    "Appeals against this decision were possible until " + closes, List.of());
        }
        if (appeals.pending(application.applicationId)) {
            throw ProblemException.conflict("APPEAL_PENDING", "An appeal of application "
                    + application.applicationId + " is still under review");
        }
        Appeal appeal = new Appeal();
        appeal.id = UUID.randomUUID();
        appeal.applicationId = application.applicationId;
        appeal.callId = application.callId;
        appeal.regionCode = application.regionCode;
        appeal.ground = ground;
        appeal.statement = statement.strip();
        appeal.status = Appeal.Status.FILED;
        appeal.filedBy = actor;
        appeal.filedAt = now;
        appeals.persist(appeal);
        publish(appeal, EventTypes.APPEAL_FILED);
        return appeal;
    }

    @Transactional
    public Appeal resolve(UUID appealId, Appeal.Status outcome, String resolution, List<UUID> voidSheetIds,
            String actor) {
        Appeal appeal = appeals.findByIdOptional(appealId)
                .orElseThrow(() -> ProblemException.notFound("Appeal", appealId));
        // The call's lock first, as a decision takes it: a resolution and a decision never interleave.
        calls.findById(appeal.callId, LockModeType.PESSIMISTIC_WRITE);
        appeals.getEntityManager().refresh(appeal, LockModeType.PESSIMISTIC_WRITE);
        if (appeal.status != Appeal.Status.FILED) {
            throw ProblemException.conflict("APPEAL_RESOLVED", "Appeal " + appealId + " was already "
                    + appeal.status);
        }
        List<UUID> toVoid = voidSheetIds == null ? List.of() : voidSheetIds;
        if (outcome == Appeal.Status.DISMISSED && !toVoid.isEmpty()) {
            throw ProblemException.invalid("voidScoreSheetIds", "only-when-upheld",
                    "scores are voided only by an upheld appeal");
        }
        Instant now = clock.instant();
        List<FieldViolation> violations = new ArrayList<>();
        List<ScoreSheet> voided = new ArrayList<>();
        for (int i = 0; i < toVoid.size(); i++) {
            ScoreSheet sheet = sheets.findById(toVoid.get(i));
            if (toVoid.indexOf(toVoid.get(i)) != i) {
                violations.add(new FieldViolation("voidScoreSheetIds[" + i + "]", "distinct",
                        "names a sheet already listed"));
            } else if (sheet == null || !sheet.applicationId.equals(appeal.applicationId) || sheet.voidedAt != null) {
                violations.add(new FieldViolation("voidScoreSheetIds[" + i + "]", "active-sheet-of-application",
                        "must name an active score sheet of application " + appeal.applicationId));
            } else {
                voided.add(sheet);
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "SHEETS_INVALID", "Cannot void these sheets",
                    violations.size() + " sheet id(s) cannot be voided", violations);
        }
        appeal.status = outcome;
        appeal.resolution = resolution.strip();
        appeal.resolvedBy = actor;
        appeal.resolvedAt = now;
        if (outcome == Appeal.Status.UPHELD) {
            for (ScoreSheet sheet : voided) {
                scoring.voidSheet(sheet, actor, "appeal " + appeal.id + " upheld", now);
            }
            appeal.voidedSheets = voided.stream().map(s -> s.id).toList();
            EvaluatedApplication application = applications.findById(appeal.applicationId);
            application.scoringReopenedAt = now;
        }
        publish(appeal, EventTypes.APPEAL_RESOLVED);
        return appeal;
    }

    /** Event data: the appeal's state, without the region's statement or the resolution text (they stay here). */
    public record AppealChanged(UUID id, UUID applicationId, UUID callId, String region, Appeal.Ground ground,
            Appeal.Status status, Instant filedAt, Instant resolvedAt, int voidedSheets) {
    }

    private void publish(Appeal appeal, String type) {
        outbox.record(Topics.EVALUATION, "appeal", appeal.applicationId.toString(), type, new AppealChanged(appeal.id,
                appeal.applicationId, appeal.callId, appeal.regionCode, appeal.ground, appeal.status, appeal.filedAt,
                appeal.resolvedAt, appeal.voidedSheets.size()));
    }
}
