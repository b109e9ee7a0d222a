package kr.go.ax.common.problem;

import java.util.List;

/** Thrown by use cases to answer with a problem; mapped to {@code application/problem+json} by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<FieldViolation> violations;

    public ProblemException(int status, String code, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, ProblemCode.NOT_FOUND, "Not found", what + " " + id + " does not exist",
                List.of());
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemCode.FORBIDDEN, "Forbidden", detail, List.of());
    }

    /** A 400 naming the fields and rules that the request broke. */
    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(400, ProblemCode.VALIDATION_FAILED, "Request is not valid",
                violations.size() + " field(s) break a rule", violations);
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldViolation(field, rule, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
