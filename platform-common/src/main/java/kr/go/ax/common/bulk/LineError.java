package kr.go.ax.common.bulk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a line was rejected: the field and the rule it broke")
public record LineError(
        @Schema(description = "JSON path of the field; $ for the whole line", example = "amountKrw") String field,
        @Schema(description = "Stable code of the rule, e.g. INVALID_VALUE, MALFORMED_JSON, LINE_TOO_LONG, "
                + "TOO_MANY_LINES, or a rule of the endpoint", example = "INVALID_VALUE") String code,
        @Schema(description = "Human-readable explanation, with the figures where there are any",
                example = "must be less than or equal to 100") String message) {
}
