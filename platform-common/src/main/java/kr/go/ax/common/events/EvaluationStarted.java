package kr.go.ax.common.events;

import java.time.Instant;
import java.util.UUID;

/** An eligible application entered expert evaluation. */
public record EvaluationStarted(UUID applicationId, UUID callId, Instant startedAt) {
}
