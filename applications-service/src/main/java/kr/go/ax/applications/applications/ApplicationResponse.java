package kr.go.ax.applications.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application as its region, admins and evaluators see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationResponse(UUID id, UUID callId, String region, ApplicationStatus status, String title,
        String summary, String leadAgency, List<String> partners, List<IndustryFocus> industryFocus,
        List<ApplicationContent.Project> projects, ApplicationContent.Kpis kpis, String sustainabilityPlan,
        Application.BudgetAssessment budgetAssessment, int submission, Instant submittedAt, String contentSha256,
        Integer decisionRank, Integer decisionVersion, long version, Instant createdAt, Instant updatedAt) {

    static ApplicationResponse of(Application a) {
        ApplicationContent c = a.content;
        return new ApplicationResponse(a.id, a.callId, a.regionCode, a.status, a.title, c.summary(), c.leadAgency(),
                c.partners(), c.industryFocus(), c.projects(), c.kpis(), c.sustainabilityPlan(), a.budgetAssessment,
                a.submission, a.submittedAt, a.contentSha256, a.decisionRank, a.decisionVersion, a.version, a.createdAt,
                a.updatedAt);
    }

    /** The fields a third-party portal may show once the application is decided. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Public(UUID id, UUID callId, String region, ApplicationStatus status, String title, String summary,
            String leadAgency, List<IndustryFocus> industryFocus, Integer decisionRank) {

        static Public of(Application a) {
            return new Public(a.id, a.callId, a.regionCode, a.status, a.title, a.content.summary(),
                    a.content.leadAgency(), a.content.industryFocus(), a.decisionRank);
        }
    }

    /** Proof of a submission: what was received, when (server clock, UTC), and the SHA-256 of the content. */
    public record SubmissionReceipt(UUID applicationId, ApplicationStatus status, int submission, Instant receivedAt,
            String contentSha256) {
    }

    public record Transition(ApplicationStatus from, ApplicationStatus to, String actor, Instant at, String reason) {
    }

    public record WithdrawRequest(String reason) {
    }
}
