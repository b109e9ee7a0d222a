package kr.go.ax.common.events.outbox;

/** Fired inside the writing transaction; observed after a successful commit to wake the relay at once. */
public record OutboxEventWritten(String topic) {
}
