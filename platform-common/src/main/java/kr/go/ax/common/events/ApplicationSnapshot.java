package kr.go.ax.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of application events ({@code kr.go.ax.application.*}): the application after the change, with its full
 * budget so budget-service can assess it without calling back. {@code submission} counts submissions (a revised
 * application is submitted again); {@code version} grows with every change.
 */
public record ApplicationSnapshot(UUID id, UUID callId, String region, String title, String status,
        String leadAgency, List<String> partners, List<Project> projects, String contentSha256,
        Instant submittedAt, int submission, long version) {

    public record Project(String type, String title, List<BudgetLine> budget) {
    }

    /** Amounts in whole KRW. */
    public record BudgetLine(int fiscalYear, long centralKrw, long localGovernmentKrw, long selfContributionKrw) {
    }
}
