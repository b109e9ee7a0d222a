package kr.go.ax.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The selection decision on one application: {@code SELECTED}, {@code RESERVE} or {@code NOT_SELECTED}. For a selected
 * application {@code awardedCentralByYear} holds the central money awarded per fiscal year (possibly less than
 * requested); when absent, the approved budget's central amounts are awarded.
 */
public record ApplicationDecided(UUID applicationId, UUID callId, String decision, Integer rank, Instant decidedAt,
        java.util.Map<Integer, Long> awardedCentralByYear) {
}
