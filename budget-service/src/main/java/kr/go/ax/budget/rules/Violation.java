package kr.go.ax.budget.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One broken co-financing rule: a stable code, the JSON path it concerns, a message with the actual and required
 * figures, and for share rules the actual and required share in basis points.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String code, String field, String message, Integer actualBp, Integer requiredBp) {

    public static final String CENTRAL_SHARE_EXCEEDED = "CENTRAL_SHARE_EXCEEDED";
    public static final String LOCAL_GOVERNMENT_SHARE_TOO_LOW = "LOCAL_GOVERNMENT_SHARE_TOO_LOW";
    public static final String CENTRAL_REFERENCE_EXCEEDED = "CENTRAL_REFERENCE_EXCEEDED";
    public static final String FISCAL_YEAR_OUTSIDE_CALL = "FISCAL_YEAR_OUTSIDE_CALL";
    public static final String NEGATIVE_AMOUNT = "NEGATIVE_AMOUNT";
    public static final String AMOUNT_OUT_OF_RANGE = "AMOUNT_OUT_OF_RANGE";
    public static final String EMPTY_BUDGET = "EMPTY_BUDGET";

    static Violation of(String code, String field, String message) {
        return new Violation(code, field, message, null, null);
    }
}
