package kr.go.ax.applications.applications;

import java.util.ArrayList;
import java.util.List;
import kr.go.ax.common.problem.FieldViolation;

/** What a submitted application must contain; a draft may lack any of it. */
final class SubmissionRules {
    private SubmissionRules() {
    }

    static List<FieldViolation> missing(ApplicationContent c) {
        List<FieldViolation> missing = new ArrayList<>();
        requireText(missing, "summary", c.summary());
        requireText(missing, "leadAgency", c.leadAgency());
        requireText(missing, "sustainabilityPlan", c.sustainabilityPlan());
        if (c.industryFocus() == null || c.industryFocus().isEmpty()) {
            missing.add(new FieldViolation("industryFocus", "required", "name at least one industry"));
        }
        if (c.kpis() == null) {
            missing.add(new FieldViolation("kpis", "required", "the KPI targets are required"));
        }
        if (c.projects() == null || c.projects().isEmpty()) {
            missing.add(new FieldViolation("projects", "required", "at least one project is required"));
            return missing;
        }
        for (int i = 0; i < c.projects().size(); i++) {
            ApplicationContent.Project p = c.projects().get(i);
            requireText(missing, "projects[" + i + "].description", p.description());
            if (p.targetSmeCount() == null) {
                missing.add(new FieldViolation("projects[" + i + "].targetSmeCount", "required",
                        "the number of SMEs the project serves is required"));
            }
            if (p.budget() == null || p.budget().isEmpty()) {
                missing.add(new FieldViolation("projects[" + i + "].budget", "required",
                        "at least one fiscal year of budget is required"));
            }
        }
        return missing;
    }

    static List<FieldViolation> fiscalYearsOutside(ApplicationContent c, List<Integer> callYears) {
        List<FieldViolation> outside = new ArrayList<>();
        for (int i = 0; i < c.projects().size(); i++) {
            List<ApplicationContent.BudgetLine> budget = c.projects().get(i).budget();
            for (int j = 0; j < budget.size(); j++) {
                if (!callYears.contains(budget.get(j).fiscalYear())) {
                    outside.add(new FieldViolation("projects[" + i + "].budget[" + j + "].fiscalYear",
                            "within-call", "must be one of the call's fiscal years " + callYears));
                }
            }
        }
        return outside;
    }

    private static void requireText(List<FieldViolation> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(new FieldViolation(field, "required", "is required to submit"));
        }
    }
}
