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

    public record Assignment(UUID applicationId, UUID callId, String region, String title, String status,
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
