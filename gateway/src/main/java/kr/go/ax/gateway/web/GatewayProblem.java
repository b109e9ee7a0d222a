package kr.go.ax.gateway.web;

import java.util.List;

/** An RFC 9457 problem raised by the gateway's own API; {@link GatewayProblemMappers} writes it. */
public class GatewayProblem extends RuntimeException {
    public record Violation(String field, String rule, String message) {
    }

    private final int status;
    private final String code;
    private final List<Violation> violations;

    public GatewayProblem(int status, String code, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static GatewayProblem invalid(String field, String rule, String message) {
        return new GatewayProblem(400, "VALIDATION_FAILED", "1 field(s) break a rule",
                List.of(new Violation(field, rule, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
