package kr.go.ax.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a call's selection decision, whole: every application's outcome and award. Keyed by the call id, so
 * the versions of one call arrive in order, and a consumer can apply a version in one transaction (budget-service
 * releases what a version takes away before it commits what it gives, so the pools never see a half-applied one).
 *
 * @param reason {@code INITIAL}, {@code REDECISION} (after an upheld appeal), {@code RESERVE_PROMOTION},
 *               {@code SELECTED_WITHDRAWN} (no reserve left to promote) or {@code RESERVE_WITHDRAWN}
 */
public record SelectionDecided(UUID callId, int version, String reason, Instant decidedAt, List<Outcome> outcomes) {

    /**
     * @param decision {@code SELECTED}, {@code RESERVE}, {@code NOT_SELECTED} or {@code WITHDRAWN} (renounced after an
     *                 earlier version)
     * @param awardedCentralByYear central KRW awarded per fiscal year; empty unless SELECTED
     */
    public record Outcome(UUID applicationId, String region, String decision, Integer rank,
            Map<Integer, Long> awardedCentralByYear) {
    }
}
