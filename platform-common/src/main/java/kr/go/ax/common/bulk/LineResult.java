package kr.go.ax.common.bulk;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The outcome of one line of a bulk upload")
public record LineResult(
        @Schema(description = "Line number in the request, from 1 (blank lines count)", example = "1") int line,
        @Schema(description = "ACCEPTED (stored), UNCHANGED (the same content is already stored), DUPLICATE (its "
                + "externalId is already recorded or repeated in the request; not recorded again) or REJECTED "
                + "(see errors); each endpoint says which it uses", example = "ACCEPTED") String status,
        @Schema(description = "The line's externalId, when it could be read", example = "BS-2026-000123")
        String externalId,
        @Schema(description = "Why the line was rejected; empty otherwise") List<LineError> errors) {
    public static final String ACCEPTED = "ACCEPTED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REJECTED = "REJECTED";

    public static LineResult rejected(int line, String externalId, String field, String code, String message) {
        return new LineResult(line, REJECTED, externalId, List.of(new LineError(field, code, message)));
    }

    public boolean is(String status) {
        return this.status.equals(status);
    }
}
