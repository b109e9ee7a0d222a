package kr.go.ax.applications.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as its region, admins and evaluators see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An application as its region, admins and evaluators see it: what the region wrote and what "
        + "the service decided. Fields without a value are left out.")
public record ApplicationResponse(
        @Schema(description = "Id of the application", example = "8d6e4f0a-1b2c-4c1e-9a2b-3f1c2a9e5b7d") UUID id,
        @Schema(description = "Id of the call applied to", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
        UUID callId,
        @Schema(description = "ISO 3166-2:KR code of the applying region", example = "KR-26") String region,
        @Schema(description = "Where the application is in its lifecycle") ApplicationStatus status,
        @Schema(description = "Title of the application", example = "Busan shipbuilding AX") String title,
        @Schema(description = "Summary of the plan", example = "AI for shipyards and their suppliers along the Busan "
                + "coast")
        String summary,
        @Schema(description = "Agency that leads the projects", example = "Busan Technopark") String leadAgency,
        @Schema(description = "Partner organisations", example = "[\"Pusan National University\"]")
        List<String> partners,
        @Schema(description = "Regional industries targeted") List<IndustryFocus> industryFocus,
        @Schema(description = "Projects of the plan") List<ApplicationContent.Project> projects,
        @Schema(description = "KPI targets") ApplicationContent.Kpis kpis,
        @Schema(description = "How the results are kept going after the programme",
                example = "Busan Technopark keeps the platform running after 2027")
        String sustainabilityPlan,
        @Schema(description = "budget-service's verdict on the latest submission; absent until it is assessed")
        Application.BudgetAssessment budgetAssessment,
        @Schema(description = "How many times the application was submitted (0 while a first draft)", example = "1")
        int submission,
        @Schema(description = "When the server received the latest submission (UTC)",
                example = "2026-03-09T14:12:05Z")
        Instant submittedAt,
        @Schema(description = "SHA-256 (hex) of the content as last submitted",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String contentSha256,
        @Schema(description = "Rank in the selection decision; absent before the decision", example = "2")
        Integer decisionRank,
        @Schema(description = "Version of the call's selection decision the status comes from; absent before it",
                example = "1")
        Integer decisionVersion,
        @Schema(description = "Version of the application, incremented by every change; the ETag carries it",
                example = "4")
        long version,
        @Schema(description = "When the application was created (UTC)", example = "2026-02-10T05:00:00Z")
        Instant createdAt,
        @Schema(description = "When the application last changed (UTC)", example = "2026-03-09T14:12:05Z")
        Instant updatedAt) {

    static ApplicationResponse of(Application a) {
        ApplicationContent c = a.content;
        return new ApplicationResponse(a.id, a.callId, a.regionCode, a.status, a.title, c.summary(), c.leadAgency(),
                c.partners(), c.industryFocus(), c.projects(), c.kpis(), c.sustainabilityPlan(), a.budgetAssessment,
                a.submission, a.submittedAt, a.contentSha256, a.decisionRank, a.decisionVersion, a.version, a.createdAt,
                a.updatedAt);
    }

    /** The fields a third-party portal may show once the application is decided. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The fields of a decided application that a third-party portal may show")
    public record Public(
            @Schema(description = "Id of the application", example = "8d6e4f0a-1b2c-4c1e-9a2b-3f1c2a9e5b7d") UUID id,
            @Schema(description = "Id of the call", example = "3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c") UUID callId,
            @Schema(description = "ISO 3166-2:KR code of the region", example = "KR-26") String region,
            @Schema(description = "Outcome: SELECTED, RESERVE or NOT_SELECTED") ApplicationStatus status,
            @Schema(description = "Title of the application", example = "Busan shipbuilding AX") String title,
            @Schema(description = "Summary of the plan",
                    example = "AI for shipyards and their suppliers along the Busan coast")
            String summary,
            @Schema(description = "Agency that leads the projects", example = "Busan Technopark") String leadAgency,
            @Schema(description = "Regional industries targeted") List<IndustryFocus> industryFocus,
            @Schema(description = "Rank in the selection decision", example = "2") Integer decisionRank) {

        static Public of(Application a) {
            return new Public(a.id, a.callId, a.regionCode, a.status, a.title, a.content.summary(),
                    a.content.leadAgency(), a.content.industryFocus(), a.decisionRank);
        }
    }

    /** Proof of a submission: what was received, when (server clock, UTC), and the SHA-256 of the content. */
    @Schema(description = "Proof of a submission: what was received, when (server clock, UTC) and the SHA-256 of the "
            + "content")
    public record SubmissionReceipt(
            @Schema(description = "Id of the application", example = "8d6e4f0a-1b2c-4c1e-9a2b-3f1c2a9e5b7d")
            UUID applicationId,
            @Schema(description = "Status after the submission: SUBMITTED") ApplicationStatus status,
            @Schema(description = "Number of this submission (1 for the first, 2 for a resubmission, ...)",
                    example = "1")
            int submission,
            @Schema(description = "When the server received it (UTC)", example = "2026-03-09T14:12:05Z")
            Instant receivedAt,
            @Schema(description = "SHA-256 (hex) of the submitted content",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String contentSha256) {
    }

    @Schema(description = "One step of an application's life")
    public record Transition(
            @Schema(description = "Status before the step; null for the creation") ApplicationStatus from,
            @Schema(description = "Status after the step") ApplicationStatus to,
            @Schema(description = "Who made the step: the caller's subject, or the deciding service",
                    example = "region-KR-26")
            String actor,
            @Schema(description = "When the step happened (UTC)", example = "2026-03-09T14:12:05Z") Instant at,
            @Schema(description = "Why the step happened", example = "submitted") String reason) {
    }

    @Schema(description = "Optional body of a withdrawal")
    public record WithdrawRequest(
            @Schema(description = "Why the region withdraws, at most 1000 characters; kept in the history",
                    example = "The region merges this plan into its 2027 regional budget", maxLength = 1000)
            String reason) {
    }
}
