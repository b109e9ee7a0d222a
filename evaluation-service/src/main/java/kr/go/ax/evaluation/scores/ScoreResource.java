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

    public record ScoresBody(@NotNull Stage stage, @NotEmpty @Size(max = 30) Map<String, @NotNull Integer> scores,
            @Size(max = 4000) String comment) {
    }

    public record SheetView(UUID id, UUID applicationId, UUID evaluatorId, Stage stage, Map<String, Integer> scores,
            String comment, int revision, Instant createdAt, Instant updatedAt, Instant voidedAt, String voidReason) {
        static SheetView of(ScoreSheet s) {
            return new SheetView(s.id, s.applicationId, s.evaluatorId, s.stage, s.scores, s.comment, s.revision,
                    s.createdAt, s.updatedAt, s.voidedAt, s.voidReason);
        }
    }

    public record AuditView(long id, UUID sheetId, String action, Map<String, Integer> scores, String comment,
            String actor, Instant at) {
        static AuditView of(ScoreAudit a) {
            return new AuditView(a.id, a.sheetId, a.action, a.scores, a.comment, a.actor, a.at);
        }
    }

    @PUT
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "Score one stage of an application: every criterion of the stage within 0..max, a comment"
            + " when any is under its pass mark; editable until the decision, every change audited")
    public SheetView put(@PathParam("applicationId") UUID applicationId, @NotNull @Valid ScoresBody body) {
        return SheetView.of(scoring.score(caller.subject(), applicationId,
                new ScoreService.ScoreRequest(body.stage(), body.scores(), body.comment())));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.EVALUATOR})
    @Transactional
    @Operation(summary = "The application's score sheets: all of them (voided included) for admins, an evaluator's"
            + " own for evaluators (403 when excluded or recused)")
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
    @Operation(summary = "Every change to the application's score sheets, oldest first")
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
