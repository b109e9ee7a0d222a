package kr.go.ax.common.web;

import kr.go.ax.common.problem.ProblemException;

/** ETags are the entity's version number in quotes; {@code If-Match} names the version a change is based on. */
public final class ETags {
    private ETags() {
    }

    /** The version an {@code If-Match} header expects, or null when the header is absent. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "etag", "must be an ETag this API returned, e.g. \"3\"");
        }
    }

    /** Like {@link #expectedVersion} but the header is required: 428 when it is missing. */
    public static long requiredVersion(String ifMatch) {
        Long version = expectedVersion(ifMatch);
        if (version == null) {
            throw new ProblemException(428, "PRECONDITION_REQUIRED", "Precondition required",
                    "Send If-Match with the ETag of the version you read, so a concurrent change is not overwritten",
                    java.util.List.of());
        }
        return version;
    }
}
