package kr.go.ax.evaluation.decisions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.go.ax.common.events.ApplicationDecided;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.SelectionDecided;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.outbox.Outbox;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.common.web.CanonicalJson;
import kr.go.ax.evaluation.calls.CallEvaluationSettings;
import kr.go.ax.evaluation.calls.CallEvaluationSettingsRepository;
import kr.go.ax.evaluation.decisions.SelectionRules.Outcome;
import kr.go.ax.evaluation.evaluations.EvaluatedApplication;
import kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository;
import kr.go.ax.evaluation.ranking.Aggregation;
import kr.go.ax.evaluation.ranking.EvaluationRules;
import kr.go.ax.evaluation.ranking.Ranking;
import kr.go.ax.evaluation.ranking.RankingInputs;
import kr.go.ax.evaluation.rubrics.RubricRepository;
import kr.go.ax.evaluation.rubrics.Stage;
import kr.go.ax.evaluation.scores.ScoreSheet;
import kr.go.ax.evaluation.scores.ScoreSheetRepository;

/**
 * Makes and keeps the versions of a call's selection decision. Making one locks the call's row, so repeated or
 * concurrent requests, scoring, and a withdrawal being processed all take turns; a request whose inputs are those of
 * the latest version gets that version back instead of a new one.
 */
@ApplicationScoped
public class DecisionService {
    public static final String INITIAL = "INITIAL";
    public static final String REDECISION = "REDECISION";
    public static final String RESERVE_PROMOTION = "RESERVE_PROMOTION";
    public static final String RESERVE_WITHDRAWN = "RESERVE_WITHDRAWN";
    /** A selected application withdrew and no reserve was left to promote. */
    public static final String SELECTED_WITHDRAWN = "SELECTED_WITHDRAWN";
    private static final String INPUTS_HASH_PREFIX = "ax-selection-inputs:";
    private static final TypeReference<List<Outcome>> OUTCOMES = new TypeReference<>() { };

    private final CallEvaluationSettingsRepository calls;
    private final EvaluatedApplicationRepository applications;
    private final ScoreSheetRepository sheets;
    private final RubricRepository rubrics;
    private final SelectionDecisionRepository decisions;
    private final EvaluationRules rules;
    private final Outbox outbox;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public DecisionService(CallEvaluationSettingsRepository calls, EvaluatedApplicationRepository applications,
            ScoreSheetRepository sheets, RubricRepository rubrics, SelectionDecisionRepository decisions,
            EvaluationRules rules, Outbox outbox, ObjectMapper objectMapper, Clock clock) {
        this.calls = calls;
        this.applications = applications;
        this.sheets = sheets;
        this.rubrics = rubrics;
        this.decisions = decisions;
        this.rules = rules;
        this.outbox = outbox;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public record Made(SelectionDecision decision, boolean created) {
    }

    /** A change between two versions for one application. */
    public record Change(UUID applicationId, String region, String fromDecision, String toDecision, Integer fromRank,
            Integer toRank, Map<Integer, Long> fromAwardedCentralByYear, Map<Integer, Long> toAwardedCentralByYear) {
    }

    /** The inputs as they stand now: every application that entered evaluation, with its counted sheets. */
    public RankingInputs currentInputs(CallEvaluationSettings call) {
        List<EvaluatedApplication> inEvaluation = applications.list(
                "callId = ?1 and evaluationStartedAt is not null", io.quarkus.panache.common.Sort.ascending(
                        "applicationId"), call.callId);
        Map<UUID, List<Aggregation.Sheet>> sheetsByApplication = sheets.activeFor(
                inEvaluation.stream().map(a -> a.applicationId).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.applicationId, TreeMap::new, Collectors.mapping(
                        (ScoreSheet s) -> new Aggregation.Sheet(s.id, s.evaluatorId, s.stage, s.scores),
                        Collectors.toList())));
        List<RankingInputs.ApplicationInput> inputs = new ArrayList<>();
        for (EvaluatedApplication a : inEvaluation) {
            inputs.add(new RankingInputs.ApplicationInput(a.applicationId, a.regionCode, a.title, a.submittedAt,
                    a.withdrawn(), new TreeMap<>(a.requestedCentralByYear),
                    sheetsByApplication.getOrDefault(a.applicationId, List.of())));
        }
        return new RankingInputs(call.callId, rules.ruleSetVersion(), rules.trimMinScores(), rules.minSheetsPerStage(),
                call.slots, call.reserveSlots, call.documentWeightPct, call.presentationWeightPct,
                call.centralPoolPerYearKrw, List.copyOf(call.fiscalYears), rubrics.effective(call.callId), inputs);
    }

    @Transactional
    public Made decide(UUID callId, String actor) {
        CallEvaluationSettings call = calls.findByIdOptional(callId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Call", callId));
        RankingInputs inputs = currentInputs(call);
        requireDecidable(call, inputs);
        String inputsSha256 = CanonicalJson.sha256(INPUTS_HASH_PREFIX, inputs);
        Optional<SelectionDecision> latest = decisions.latest(callId);
        // Withdrawals after a decision make their own versions (promotion); a request changes the decision only when
        // the scores or the rules changed since the version the latest one is based on.
        if (latest.isPresent() && scoresHash(inputs).equals(scoresHash(objectMapper.convertValue(
                latest.get().inputs, RankingInputs.class)))) {
            return new Made(latest.get(), false);
        }
        List<Ranking.Entry> ranking = Ranking.rank(inputs);
        List<Outcome> outcomes = SelectionRules.select(inputs, ranking);
        SelectionDecision decision = write(call, latest.orElse(null), latest.isEmpty() ? INITIAL : REDECISION,
                objectMapper.valueToTree(inputs), inputsSha256, objectMapper.valueToTree(ranking), outcomes, actor);
        // The decision closes scoring again, including any an appeal had reopened.
        applications.update("scoringReopenedAt = null where callId = ?1", callId);
        return new Made(decision, true);
    }

    /**
     * Called (in the inbox transaction) when an application of the call is withdrawn after a decision: a new version
     * marks it WITHDRAWN and, if it was SELECTED, promotes the best RESERVE.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onWithdrawn(EvaluatedApplication application) {
        CallEvaluationSettings call = calls.findById(application.callId, LockModeType.PESSIMISTIC_WRITE);
        SelectionDecision latest = decisions.latest(application.callId).orElse(null);
        if (call == null || latest == null) {
            return; // not decided yet: the decision will see the withdrawal in its inputs
        }
        List<Outcome> previous = outcomes(latest);
        Outcome before = previous.stream().filter(o -> o.applicationId().equals(application.applicationId))
                .findFirst().orElse(null);
        if (before == null || SelectionRules.WITHDRAWN.equals(before.decision())
                || SelectionRules.NOT_SELECTED.equals(before.decision())) {
            return;
        }
        List<Outcome> outcomes = SelectionRules.afterWithdrawal(previous, application.applicationId,
                call.centralPoolPerYearKrw);
        boolean promoted = outcomes.stream().filter(o -> SelectionRules.SELECTED.equals(o.decision())).count()
                > previous.stream().filter(o -> SelectionRules.SELECTED.equals(o.decision())).count() - 1;
        String reason = !SelectionRules.SELECTED.equals(before.decision()) ? RESERVE_WITHDRAWN
                : promoted ? RESERVE_PROMOTION : SELECTED_WITHDRAWN;
        write(call, latest, reason,
                // Derived from the latest version: same inputs, with the promotion rule applied to its outcomes.
                latest.inputs, latest.inputsSha256, latest.output.get("ranking"), outcomes, "evaluation-service");
    }

    /** The inputs' hash with every withdrawal flag cleared: what decides a fresh ranking besides who withdrew. */
    private static String scoresHash(RankingInputs inputs) {
        List<RankingInputs.ApplicationInput> applications = inputs.applications().stream()
                .map(a -> new RankingInputs.ApplicationInput(a.applicationId(), a.region(), a.title(), a.submittedAt(),
                        false, a.requestedCentralByYear(), a.sheets()))
                .toList();
        return CanonicalJson.sha256(INPUTS_HASH_PREFIX, new RankingInputs(inputs.callId(), inputs.ruleSetVersion(),
                inputs.trimMinScores(), inputs.minSheetsPerStage(), inputs.slots(), inputs.reserveSlots(),
                inputs.documentWeightPct(), inputs.presentationWeightPct(), inputs.centralPoolPerYearKrw(),
                inputs.fiscalYears(), inputs.rubric(), applications));
    }

    /**
     * Where one application stands in the call's latest decision. {@code outcomeDecidedAt} is when its outcome last
     * changed (the first version, or a later one that changed it): its appeal window runs from there.
     */
    public record Standing(SelectionDecision latest, Outcome outcome, Instant outcomeDecidedAt) {
    }

    public Optional<Standing> standing(UUID callId, UUID applicationId) {
        Instant changedAt = null;
        SelectionDecision latest = null;
        Outcome outcome = null;
        for (SelectionDecision decision : decisions.all(callId)) {
            Outcome now = outcomes(decision).stream().filter(o -> o.applicationId().equals(applicationId))
                    .findFirst().orElse(null);
            if (now != null && (outcome == null || !now.equals(outcome))) {
                changedAt = decision.decidedAt;
            }
            latest = decision;
            outcome = now;
        }
        return outcome == null ? Optional.empty() : Optional.of(new Standing(latest, outcome, changedAt));
    }

    public List<Outcome> outcomes(SelectionDecision decision) {
        return objectMapper.convertValue(decision.output.get("outcomes"), OUTCOMES);
    }

    private SelectionDecision write(CallEvaluationSettings call, SelectionDecision previous, String reason,
            JsonNode inputs, String inputsSha256, JsonNode ranking, List<Outcome> outcomes, String actor) {
        Instant now = clock.instant();
        int version = previous == null ? 1 : previous.key.version() + 1;
        List<Outcome> before = previous == null ? List.of() : outcomes(previous);
        List<Change> changes = changes(before, outcomes);

        ObjectNode output = objectMapper.createObjectNode();
        if (previous != null) {
            output.put("basedOnVersion", previous.key.version());
        }
        output.set("ranking", ranking);
        output.set("outcomes", objectMapper.valueToTree(outcomes));
        output.set("awardedCentralByYear", objectMapper.valueToTree(totalAwarded(outcomes)));
        output.put("centralPoolPerYearKrw", call.centralPoolPerYearKrw);
        output.set("changes", objectMapper.valueToTree(changes));

        SelectionDecision decision = new SelectionDecision();
        decision.key = new SelectionDecision.Key(call.callId, version);
        decision.reason = reason;
        decision.ruleSetVersion = rules.ruleSetVersion();
        decision.inputsSha256 = inputsSha256;
        decision.inputs = inputs;
        decision.output = output;
        decision.decidedBy = actor;
        decision.decidedAt = now;
        decisions.persist(decision);
        publish(call.callId, version, reason, now, outcomes, changes, previous == null);
        return decision;
    }

    private void publish(UUID callId, int version, String reason, Instant now, List<Outcome> outcomes,
            List<Change> changes, boolean initial) {
        outbox.record(Topics.EVALUATION, "selection-decision", callId.toString(), EventTypes.SELECTION_DECIDED,
                new SelectionDecided(callId, version, reason, now, outcomes.stream()
                        .map(o -> new SelectionDecided.Outcome(o.applicationId(), o.region(), o.decision(), o.rank(),
                                o.awardedCentralByYear()))
                        .toList()));
        Map<UUID, Outcome> byId = outcomes.stream().collect(Collectors.toMap(Outcome::applicationId,
                Function.identity()));
        List<UUID> concerned = initial ? outcomes.stream().map(Outcome::applicationId).toList()
                : changes.stream().map(Change::applicationId).toList();
        for (UUID id : concerned) {
            Outcome o = byId.get(id);
            if (SelectionRules.WITHDRAWN.equals(o.decision())) {
                continue; // applications-service already knows: the withdrawal came from it
            }
            outbox.record(Topics.EVALUATION, "evaluation", id.toString(), EventTypes.APPLICATION_DECIDED,
                    new ApplicationDecided(id, callId, o.decision(), o.rank(), now,
                            SelectionRules.SELECTED.equals(o.decision()) ? o.awardedCentralByYear() : null, version));
        }
    }

    static List<Change> changes(List<Outcome> before, List<Outcome> after) {
        Map<UUID, Outcome> old = before.stream().collect(Collectors.toMap(Outcome::applicationId,
                Function.identity()));
        List<Change> changes = new ArrayList<>();
        for (Outcome now : after) {
            Outcome was = old.get(now.applicationId());
            if (was != null && was.decision().equals(now.decision()) && Objects.equals(was.rank(), now.rank())
                    && was.awardedCentralByYear().equals(now.awardedCentralByYear())) {
                continue;
            }
            changes.add(new Change(now.applicationId(), now.region(), was == null ? null : was.decision(),
                    now.decision(), was == null ? null : was.rank(), now.rank(),
                    was == null ? Map.of() : was.awardedCentralByYear(), now.awardedCentralByYear()));
        }
        changes.sort(Comparator.comparing(Change::applicationId));
        return changes;
    }

    private static Map<Integer, Long> totalAwarded(List<Outcome> outcomes) {
        Map<Integer, Long> total = new TreeMap<>();
        outcomes.forEach(o -> o.awardedCentralByYear().forEach((year, krw) -> total.merge(year, krw, Long::sum)));
        return total;
    }

    private void requireDecidable(CallEvaluationSettings call, RankingInputs inputs) {
        if (inputs.applications().stream().noneMatch(a -> !a.withdrawn())) {
            throw ProblemException.conflict("NOTHING_TO_DECIDE", "No application of call " + call.callId
                    + " is in evaluation; start the evaluation first");
        }
        if (call.centralPoolPerYearKrw <= 0) {
            throw ProblemException.conflict("CALL_POOL_UNKNOWN", "The central pool of call " + call.callId
                    + " is not known here yet; it arrives with the next call event");
        }
        List<FieldViolation> incomplete = new ArrayList<>();
        for (RankingInputs.ApplicationInput application : inputs.applications()) {
            if (application.withdrawn()) {
                continue;
            }
            if (application.requestedCentralByYear().isEmpty()) {
                incomplete.add(new FieldViolation("applications[" + application.applicationId() + "]",
                        "requested-money-known", "the central money it requests is not known here yet"));
            }
            for (Stage stage : Stage.values()) {
                long count = application.sheets().stream().filter(s -> s.stage() == stage).count();
                if (count < rules.minSheetsPerStage()) {
                    incomplete.add(new FieldViolation("applications[" + application.applicationId() + "]." + stage,
                            "min-sheets", count + " evaluator(s) scored the " + stage + " stage; at least "
                                    + rules.minSheetsPerStage() + " are needed"));
                }
            }
        }
        if (!incomplete.isEmpty()) {
            throw new ProblemException(409, "SCORING_INCOMPLETE", "Scoring is incomplete",
                    "Some applications of call " + call.callId + " do not have enough scores for a decision",
                    incomplete);
        }
    }
}
