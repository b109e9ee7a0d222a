package kr.go.ax.common.events;

import java.time.Instant;
import java.util.UUID;

/** The selection decision on one application: {@code SELECTED}, {@code RESERVE} or {@code NOT_SELECTED}. */
public record ApplicationDecided(UUID applicationId, UUID callId, String decision, Integer rank, Instant decidedAt) {
}
