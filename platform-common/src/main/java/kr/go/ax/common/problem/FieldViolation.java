package kr.go.ax.common.problem;

/**
 * One broken rule of a request: the JSON path of the field (e.g. {@code projects[0].budget[1].centralKrw}), a stable
 * rule name a client can switch on, and a human-readable message.
 */
public record FieldViolation(String field, String rule, String message) {
}
