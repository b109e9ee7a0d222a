package kr.go.ax.evaluation.results;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.common.web.CanonicalJson;
import kr.go.ax.evaluation.appeals.AppealRepository;
import kr.go.ax.evaluation.appeals.AppealService;
import kr.go.ax.evaluation.appeals.AppealService.AppealView;
import kr.go.ax.evaluation.decisions.DecisionService;
import kr.go.ax.evaluation.decisions.SelectionRules;
import kr.go.ax.evaluation.evaluations.EvaluatedApplication;
import kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository;
import kr.go.ax.evaluation.rubrics.Stage;
import kr.go.ax.evaluation.scores.ScoreSheet;
import kr.go.ax.evaluation.scores.ScoreSheetRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Disclosure of a decided outcome to the region that applied: its own result only, with anonymised comments. Nothing
 * about other regions' applications, and no evaluator names or ids.
 */
@Path("/api/v1/evaluation/applications/{applicationId}/result")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "What a region may know of its own evaluation")
@RolesAllowed({Roles.REGION, Roles.ADMIN})
public class ResultResource {
    private final EvaluatedApplicationRepository applications;
    private final DecisionService decisions;
    private final AppealService appealService;
    private final AppealRepository appeals;
    private final ScoreSheetRepository sheets;
    private final Caller caller;
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    public ResultResource(EvaluatedApplicationRepository applications, DecisionService decisions,
            AppealService appealService, AppealRepository appeals, ScoreSheetRepository sheets, Caller caller,
            com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.applications = applications;
        this.decisions = decisions;
        this.appealService = appealService;
        this.appeals = appeals;
        this.sheets = sheets;
        this.caller = caller;
    }

    public record Comment(String evaluator, Stage stage, String text) {
    }

    public record ResultView(UUID applicationId, UUID callId, String region, String decision, Integer rank,
            Integer rankedApplications, BigDecimal total, Boolean passed, List<String> failReasons,
            List<kr.go.ax.evaluation.ranking.Aggregation.StageScore> stages,
            Map<Integer, Long> requestedCentralByYear, Map<Integer, Long> awardedCentralByYear, boolean awardReduced,
            List<Comment> comments, int decisionVersion, Instant decidedAt, Instant appealWindowClosesAt,
            List<AppealView> appeals) {
    }

    @GET
    @Transactional
    @Operation(summary = "The region's own decided outcome: decision, rank, total, stage and criterion scores,"
            + " pass-mark reasons, award and anonymised comments (another region's application is 404)")
    public ResultView get(@PathParam("applicationId") UUID applicationId) {
        EvaluatedApplication application = applications.findByIdOptional(applicationId)
                .filter(a -> caller.is(Roles.ADMIN) || caller.ownsRegion(a.regionCode))
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        DecisionService.Standing standing = decisions.standing(application.callId, applicationId)
                .orElseThrow(() -> ProblemException.conflict("NOT_DECIDED", "Application " + applicationId
                        + " is not decided yet"));
        SelectionRules.Outcome outcome = standing.outcome();
        JsonNode ranking = standing.latest().output.get("ranking");
        JsonNode entry = null;
        for (JsonNode e : ranking) {
            if (applicationId.toString().equals(e.path("applicationId").asText())) {
                entry = e;
            }
        }
        return new ResultView(applicationId, application.callId, application.regionCode, outcome.decision(),
                outcome.rank(), ranking.size(), entry == null ? null
                        : entry.get("total").decimalValue().setScale(kr.go.ax.evaluation.ranking.Aggregation.SCALE),
                entry == null ? null : entry.get("passed").asBoolean(),
                entry == null ? List.of() : textList(entry.get("failReasons")), entry == null ? null
                        : stages(entry.get("stages")), outcome.requestedCentralByYear(), outcome.awardedCentralByYear(),
                outcome.reduced(), comments(application, standing.latest().inputs), standing.latest().key.version(),
                standing.latest().decidedAt, appealService.windowClosesAt(standing),
                appeals.of(applicationId).stream().map(AppealView::of).toList());
    }

    /**
     * Comments of the counted sheets. Each evaluator gets a letter, the same for both stages, in an order drawn from a
     * hash of their id and the application, so neither the letter nor the order points at a person.
     */
    private List<Comment> comments(EvaluatedApplication application, JsonNode decisionInputs) {
        // The sheets the decision counted, even if an appeal voided some since or re-scoring is under way.
        List<UUID> countedIds = new ArrayList<>();
        for (JsonNode input : decisionInputs.path("applications")) {
            if (application.applicationId.toString().equals(input.path("applicationId").asText())) {
                input.path("sheets").forEach(s -> countedIds.add(UUID.fromString(s.path("sheetId").asText())));
            }
        }
        List<ScoreSheet> counted = countedIds.isEmpty() ? List.of()
                : sheets.list("id in ?1", io.quarkus.panache.common.Sort.ascending("stage", "id"), countedIds);
        List<UUID> evaluators = counted.stream().map(s -> s.evaluatorId).distinct()
                .sorted(Comparator.comparing(id -> CanonicalJson.sha256(application.applicationId + ":",
                        id.toString())))
                .toList();
        Map<UUID, String> letters = new LinkedHashMap<>();
        for (int i = 0; i < evaluators.size(); i++) {
            letters.put(evaluators.get(i), "Evaluator " + (char) ('A' + i % 26) + (i >= 26 ? i / 26 : ""));
        }
        List<Comment> comments = new ArrayList<>();
        for (ScoreSheet sheet : counted) {
            if (sheet.comment != null) {
                comments.add(new Comment(letters.get(sheet.evaluatorId), sheet.stage, sheet.comment));
            }
        }
        comments.sort(Comparator.comparing(Comment::stage).thenComparing(Comment::evaluator));
        return comments;
    }

    private List<kr.go.ax.evaluation.ranking.Aggregation.StageScore> stages(JsonNode node) {
        return objectMapper.convertValue(node, new com.fasterxml.jackson.core.type.TypeReference<>() { });
    }

    private static List<String> textList(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return values;
    }
}
