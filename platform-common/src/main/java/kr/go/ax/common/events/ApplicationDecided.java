package kr.go.ax.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The selection decision on one application: {@code SELECTED}, {@code RESERVE} or {@code NOT_SELECTED}. For a selected
 * application {@code awardedCentralByYear} holds the central money awarded per fiscal year (possibly less than
 * requested); when absent, the approved budget's central amounts are awarded. {@code decisionVersion} is the version
 * of the call's decision this outcome belongs to: a later version (reserve promotion, re-decision after an appeal)
 * replaces an earlier one, and an event of an older version arriving late changes nothing.
 */
public record ApplicationDecided(UUID applicationId, UUID callId, String decision, Integer rank, Instant decidedAt,
        java.util.Map<Integer, Long> awardedCentralByYear, Integer decisionVersion) {
}
