package kr.go.ax.evaluation.conflicts;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.evaluation.evaluations.EvaluatedApplication;
import kr.go.ax.evaluation.evaluations.EvaluatedApplicationRepository;
import kr.go.ax.evaluation.evaluators.Evaluator;
import kr.go.ax.evaluation.evaluators.EvaluatorRepository;
import kr.go.ax.evaluation.panels.Panel;
import kr.go.ax.evaluation.panels.PanelRepository;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an evaluator must do: for each application in evaluation on their panels, declare and then score. */
@ApplicationScoped
public class AssignmentService {
    private final EvaluatorRepository evaluators;
    private final PanelRepository panels;
    private final EvaluatedApplicationRepository applications;
    private final DeclarationRepository declarations;

    public AssignmentService(EvaluatorRepository evaluators, PanelRepository panels,
            EvaluatedApplicationRepository applications, DeclarationRepository declarations) {
        this.evaluators = evaluators;
        this.panels = panels;
        this.applications = applications;
        this.declarations = declarations;
    }

    @Schema(description = "What the evaluator must do for one application in evaluation")
    public record Assignment(
            @Schema(description = "The application", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
            UUID applicationId,
            @Schema(description = "Its call", example = "7b2e4c1d-3a5f-4e8b-9c0d-1f2a3b4c5d6e") UUID callId,
            @Schema(description = "The applicant region, ISO 3166-2:KR", example = "KR-26") String region,
            @Schema(description = "The application's title", example = "Busan AI-driven smart port and shipbuilding"
                    + " transformation") String title,
            @Schema(description = "TO_DECLARE (sign the declaration first), TO_SCORE, RECUSED (a conflict was"
                    + " declared) or EXCLUDED (automatic exclusion)", example = "TO_SCORE")
            String status,
            @Schema(description = "Why the evaluator is excluded: SAME_REGION, LEAD_AGENCY or PARTNER; null unless"
                    + " EXCLUDED")
            String exclusion) {
        public static final String EXCLUDED = "EXCLUDED";
        public static final String RECUSED = "RECUSED";
        public static final String TO_DECLARE = "TO_DECLARE";
        public static final String TO_SCORE = "TO_SCORE";
    }

    public Evaluator evaluatorOf(String subject) {
        return evaluators.findBySubject(subject).orElseThrow(() -> ProblemException.forbidden(
                "You are not a registered evaluator"));
    }

    public List<Assignment> assignments(Evaluator evaluator) {
        List<Assignment> result = new ArrayList<>();
        for (Panel panel : panels.listAll()) {
            if (!panel.evaluatorIds.contains(evaluator.id)) {
                continue;
            }
            for (EvaluatedApplication application : applications.list(
                    "callId = ?1 and evaluationStartedAt is not null", panel.callId)) {
                result.add(assignment(evaluator, application));
            }
        }
        return result;
    }

    /** The evaluator's assignment for one application; 404 when it is not theirs to see at all. */
    public Assignment assignment(Evaluator evaluator, UUID applicationId) {
        EvaluatedApplication application = applications.findByIdOptional(applicationId)
                .filter(a -> a.evaluationStartedAt != null)
                .filter(a -> panels.findByIdOptional(a.callId).map(p -> p.evaluatorIds.contains(evaluator.id))
                        .orElse(false))
                .orElseThrow(() -> ProblemException.notFound("Application in evaluation", applicationId));
        return assignment(evaluator, application);
    }

    private Assignment assignment(Evaluator evaluator, EvaluatedApplication application) {
        Optional<String> exclusion = ConflictRules.exclusion(evaluator, application);
        String status;
        if (exclusion.isPresent()) {
            status = Assignment.EXCLUDED;
        } else {
            status = declarations.of(application.applicationId, evaluator.id)
                    .map(d -> d.conflict ? Assignment.RECUSED : Assignment.TO_SCORE)
                    .orElse(Assignment.TO_DECLARE);
        }
        return new Assignment(application.applicationId, application.callId, application.regionCode,
                application.title, status, exclusion.orElse(null));
    }
}
