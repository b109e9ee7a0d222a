package kr.go.ax.evaluation.conflicts;

import java.util.Locale;
import java.util.Optional;
import kr.go.ax.evaluation.evaluations.EvaluatedApplication;
import kr.go.ax.evaluation.evaluators.Evaluator;

/**
 * Automatic exclusions (제척): an evaluator from the applicant region, or from the lead agency or a partner of the
 * application, never sees or scores it. Institutions are compared ignoring case and surrounding spaces.
 */
public final class ConflictRules {
    private ConflictRules() {
    }

    /** The reason the evaluator is excluded from the application, if any. */
    public static Optional<String> exclusion(Evaluator evaluator, EvaluatedApplication application) {
        if (evaluator.affiliationRegion.equals(application.regionCode)) {
            return Optional.of("SAME_REGION");
        }
        String institution = normalise(evaluator.institution);
        if (application.leadAgency != null && institution.equals(normalise(application.leadAgency))) {
            return Optional.of("LEAD_AGENCY");
        }
        if (application.partners.stream().map(ConflictRules::normalise).anyMatch(institution::equals)) {
            return Optional.of("PARTNER");
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
