package kr.go.ax.evaluation.scores;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository;
import kr.go.ax.evaluation.evaluators.Evaluator;
import kr.go.ax.evaluation.rubrics.Stage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation/applications/{applicationId}/scores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Evaluators' scores per stage, with their audit trail")
@Authenticated
public class ScoreResource {
    private final ScoreService scoring;
    private final ScoreSheetRepository sheets;
    private final ScoreAuditRepository audit;
    private final EvaluatedApplicationRepository applications;
    private final Caller caller;

    public ScoreResource(ScoreService scoring, ScoreSheetRepository sheets, ScoreAuditRepository audit,
            EvaluatedApplicationRepository applications, Caller caller) {
        this.scoring = scoring;
        this.sheets = sheets;
        this.audit = audit;
        this.applications = applications;
        this.caller = caller;
    }

    @Schema(description = "One evaluator's scores for one stage of an application")
    public record ScoresBody(
            @Schema(description = "The stage scored") @NotNull Stage stage,
            @Schema(description = "Criterion code to whole points, for every criterion of the stage and no other,"
                    + " each between 0 and the criterion's maximum",
                    example = "{\"REGIONAL_INDUSTRY_FIT\": 21, \"DELIVERY_CAPACITY\": 20,"
                            + " \"FEASIBILITY\": 16, \"MATCHING_FUND_CAPACITY\": 12, \"SUSTAINABILITY\": 9}")
            @NotEmpty @Size(max = 30) Map<String, @NotNull Integer> scores,
            @Schema(description = "The evaluator's comment, at most 4000 characters; required when any criterion is"
                    + " under the rubric's pass percentage of its maximum",
                    example = "Strong link to the Busan shipbuilding cluster; the plan to sustain the AI platform"
                            + " after 2028 lacks a funding source.")
            @Size(max = 4000) String comment) {
    }

    @Schema(description = "One evaluator's score sheet for one stage of an application")
    public record SheetView(
            @Schema(description = "The sheet", example = "c9e1b7a3-2d4f-4b6a-8e0c-5f7d9a1b3c2e") UUID id,
            @Schema(description = "The application", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
            UUID applicationId,
            @Schema(description = "The evaluator who scored", example = "a4d8e2f1-6c3b-4a9e-8f7d-2b1c0e9d8a7f")
            UUID evaluatorId,
            @Schema(description = "The stage scored") Stage stage,
            @Schema(description = "Criterion code to whole points",
                    example = "{\"REGIONAL_INDUSTRY_FIT\": 21, \"DELIVERY_CAPACITY\": 20,"
                            + " \"FEASIBILITY\": 16, \"MATCHING_FUND_CAPACITY\": 12, \"SUSTAINABILITY\": 9}")
            Map<String, Integer> scores,
            @Schema(description = "The evaluator's comment",
                    example = "Strong link to the Busan shipbuilding cluster; the plan to sustain the AI platform"
                            + " after 2028 lacks a funding source.")
            String comment,
            @Schema(description = "1 when first scored, +1 with every change", example = "2") int revision,
            @Schema(description = "When first scored (UTC)", example = "2026-03-03T01:20:00Z") Instant createdAt,
            @Schema(description = "When last changed (UTC)", example = "2026-03-04T06:05:00Z") Instant updatedAt,
            @Schema(description = "When an upheld appeal voided it (UTC); null while it counts") Instant voidedAt,
            @Schema(description = "Why it was voided; null while it counts",
                    example = "appeal e5f2a8c4-1b9d-4e7a-b3c6-0d8f2e4a6b1c upheld")
            String voidReason) {
        static SheetView of(ScoreSheet s) {
            return new SheetView(s.id, s.applicationId, s.evaluatorId, s.stage, s.scores, s.comment, s.revision,
                    s.createdAt, s.updatedAt, s.voidedAt, s.voidReason);
        }
    }

    @Schema(description = "One entry of the audit trail: a score sheet as it was after one change")
    public record AuditView(
            @Schema(description = "The entry's sequence number", example = "1042") long id,
            @Schema(description = "The sheet changed", example = "c9e1b7a3-2d4f-4b6a-8e0c-5f7d9a1b3c2e") UUID sheetId,
            @Schema(description = "SCORED, CHANGED or VOIDED", example = "CHANGED") String action,
            @Schema(description = "Criterion code to whole points after the change",
                    example = "{\"REGIONAL_INDUSTRY_FIT\": 21, \"DELIVERY_CAPACITY\": 20,"
                            + " \"FEASIBILITY\": 16, \"MATCHING_FUND_CAPACITY\": 12, \"SUSTAINABILITY\": 9}")
            Map<String, Integer> scores,
            @Schema(description = "The comment after the change",
                    example = "Strong link to the Busan shipbuilding cluster; the plan to sustain the AI platform"
                            + " after 2028 lacks a funding source.")
            String comment,
            @Schema(description = "Who made the change: the evaluator, or the admin who upheld an appeal",
                    example = "evaluator-7")
            String actor,
            @Schema(description = "When (UTC)", example = "2026-03-04T06:05:00Z") Instant at) {
        static AuditView of(ScoreAudit a) {
            return new AuditView(a.id, a.sheetId, a.action, a.scores, a.comment, a.actor, a.at);
        }
    }

    @PUT
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "Score one stage of an application: every criterion of the stage within 0..max, a comment"
            + " when any is under its pass mark; editable until the decision, every change audited",
            description = "Evaluator only: creates or changes the caller's sheet for one stage (DOCUMENT or"
                    + " PRESENTATION) of an application in evaluation on their panel; each change raises the revision"
                    + " and is audited, and sending the same sheet again changes nothing. Requires a signed"
                    + " declaration without conflict: 403 when excluded, recused or not a registered evaluator, 404"
                    + " when the application is not in evaluation on their panel, 409 DECLARATION_REQUIRED, 409"
                    + " APPLICATION_WITHDRAWN, 409 SCORING_CLOSED once the call is decided (unless an upheld appeal"
                    + " reopened the application), and 422 SCORES_INVALID naming each criterion that breaks the"
                    + " rubric.")
    public SheetView put(@PathParam("applicationId") UUID applicationId, @NotNull @Valid ScoresBody body) {
        return SheetView.of(scoring.score(caller.subject(), applicationId,
                new ScoreService.ScoreRequest(body.stage(), body.scores(), body.comment())));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EVALUATOR})
    @Transactional
    @Operation(summary = "The application's score sheets: all of them (voided included) for admins, an evaluator's"
            + " own for evaluators (403 when excluded or recused)",
            description = "Admins get every score sheet of the application, voided ones included (404 for an unknown"
                    + " application). An evaluator gets only their own sheets: 403 when excluded, recused or not a"
                    + " registered evaluator, 404 when the application is not in evaluation on their panel.")
    public List<SheetView> list(@PathParam("applicationId") UUID applicationId) {
        if (caller.is(Roles.ADMIN)) {
            requireKnown(applicationId);
            return sheets.allFor(applicationId).stream().map(SheetView::of).toList();
        }
        Evaluator evaluator = scoring.permittedEvaluator(caller.subject(), applicationId);
        return sheets.allFor(applicationId).stream().filter(s -> s.evaluatorId.equals(evaluator.id))
                .map(SheetView::of).toList();
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every change to the application's score sheets, oldest first",
            description = "Admin only: the append-only audit trail of the application's score sheets, one entry per"
                    + " SCORED, CHANGED or VOIDED with the scores and comment after the change, oldest first. Returns"
                    + " 404 for an unknown application.")
    public List<AuditView> audit(@PathParam("applicationId") UUID applicationId) {
        requireKnown(applicationId);
        return audit.of(applicationId).stream().map(AuditView::of).toList();
    }

    private void requireKnown(UUID applicationId) {
        if (applications.findByIdOptional(applicationId).isEmpty()) {
            throw ProblemException.notFound("Application", applicationId);
        }
    }
}
