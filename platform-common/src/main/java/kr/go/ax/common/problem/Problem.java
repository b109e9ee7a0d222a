package kr.go.ax.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, extended with a stable {@code code}, the field violations of a validation failure and the
 * request id that ties the answer to the logs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldViolation> violations, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs derived from the code, so they are stable without inventing a host name. */
    public static String typeFor(String code) {
        return "urn:ax:problem:" + code.toLowerCase().replace('_', '-');
    }
}
