package kr.go.ax.budget.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One broken co-financing rule: a stable code, the JSON path it concerns, a message with the actual and required
 * figures, and for share rules the actual and required share in basis points.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One broken co-financing rule, with the actual and required figures")
public record Violation(
        @Schema(description = "Stable code of the rule: CENTRAL_SHARE_EXCEEDED, LOCAL_GOVERNMENT_SHARE_TOO_LOW,"
                + " CENTRAL_REFERENCE_EXCEEDED, FISCAL_YEAR_OUTSIDE_CALL, NEGATIVE_AMOUNT, AMOUNT_OUT_OF_RANGE or"
                + " EMPTY_BUDGET", example = "CENTRAL_SHARE_EXCEEDED")
        String code,
        @Schema(description = "JSON path of what the rule concerns", example = "fiscalYears[2026]") String field,
        @Schema(description = "Human-readable explanation with the actual and required figures",
                example = "central 4,500,000,000 KRW is 64.29% of 7,000,000,000 KRW in fiscal year 2026; at most"
                        + " 60.00% is allowed, i.e. at most 4,200,000,000 KRW")
        String message,
        @Schema(description = "For share rules: the actual share, in basis points", example = "6429")
        Integer actualBp,
        @Schema(description = "For share rules: the allowed maximum or required minimum, in basis points",
                example = "6000")
        Integer requiredBp) {

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
