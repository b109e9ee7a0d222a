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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(description = "An evaluator's comment on a counted score sheet, anonymised")
    public record Comment(
            @Schema(description = "A letter per evaluator, the same for both stages, that does not identify them",
                    example = "Evaluator A")
            String evaluator,
            @Schema(description = "The stage the commented sheet scored") Stage stage,
            @Schema(description = "The comment",
                    example = "Strong link to the Busan shipbuilding cluster; the plan to sustain the AI platform"
                            + " after 2028 lacks a funding source.")
            String text) {
    }

    @Schema(description = "The decided outcome of one application, as disclosed to the region that applied")
    public record ResultView(
            @Schema(description = "The application", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
            UUID applicationId,
            @Schema(description = "Its call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e") UUID callId,
            @Schema(description = "The applicant region, ISO 3166-2:KR", example = "KR-26") String region,
            @Schema(description = "SELECTED, RESERVE, NOT_SELECTED or WITHDRAWN", example = "SELECTED")
            String decision,
            @Schema(description = "Rank in the decision; null when withdrawn", example = "2") Integer rank,
            @Schema(description = "How many applications the decision ranked", example = "9")
            Integer rankedApplications,
            @Schema(description = "Weighted total out of 100, 2 decimals; null when not ranked", example = "84.25")
            BigDecimal total,
            @Schema(description = "Whether every pass mark is met; null when not ranked", example = "true")
            Boolean passed,
            @Schema(description = "Why it fails the pass marks; empty when it passes") List<String> failReasons,
            @Schema(description = "DOCUMENT and PRESENTATION scores with their criteria; null when not ranked")
            List<kr.go.ax.evaluation.ranking.Aggregation.StageScore> stages,
            @Schema(description = "Central funding requested per fiscal year, in KRW",
                    example = "{\"2026\": 7000000000, \"2027\": 7000000000}")
            Map<Integer, Long> requestedCentralByYear,
            @Schema(description = "Central funding awarded per fiscal year, in KRW; empty unless SELECTED",
                    example = "{\"2026\": 7000000000, \"2027\": 7000000000}")
            Map<Integer, Long> awardedCentralByYear,
            @Schema(description = "Whether the award was cut below the request to fit the call's central pool",
                    example = "false")
            boolean awardReduced,
            @Schema(description = "Comments of the counted score sheets, by stage and evaluator letter")
            List<Comment> comments,
            @Schema(description = "The decision version this result comes from", example = "1") int decisionVersion,
            @Schema(description = "When that version was made (UTC)", example = "2026-03-10T09:00:00Z")
            Instant decidedAt,
            @Schema(description = "Until when the region may appeal (UTC)", example = "2026-03-17T09:00:00Z")
            Instant appealWindowClosesAt,
            @Schema(description = "The application's appeals, oldest first") List<AppealView> appeals) {
    }

    @GET
    @Transactional
    @Operation(summary = "The region's own decided outcome: decision, rank, total, stage and criterion scores,"
            + " pass-mark reasons, award and anonymised comments (another region's application is 404)",
            description = "The decided outcome of one application with its scores, requested and awarded central"
                    + " funding per fiscal year, anonymised evaluator comments, its appeals and when the appeal window"
                    + " closes; nothing about other applications and no evaluator names or ids. A region sees only its"
                    + " own applications (another region's answers 404, like an unknown one); admins see any. Returns"
                    + " 409 NOT_DECIDED until a decision covers the application.")
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
