package kr.go.ax.gateway.routing;

import java.util.regex.Pattern;

/**
 * A configured path regular expression, checked on every proxied request. Most paths do not match, and most
 * expressions start with a literal part ({@code /api/v1/progress-reports}, {@code /api/v1/calls(/.*)?}): a path that
 * does not start with that part is refused without running the expression (a matcher per rule per request was a
 * twentieth of the gateway's allocation).
 */
public final class PathPattern {
    private static final String META = "\\^$.|?*+()[]{}";
    private static final String OPTIONAL = "?*{";

    private final Pattern pattern;
    private final String literalPrefix;

    public PathPattern(String regex) {
        this.pattern = Pattern.compile(regex);
        this.literalPrefix = literalPrefix(regex);
    }

    /** Whether the whole path matches. */
    public boolean matches(String path) {
        return path.startsWith(literalPrefix) && pattern.matcher(path).matches();
    }

    /**
     * The characters every match starts with: those before the first metacharacter, less one before a quantifier that
     * makes it optional; nothing when the expression has an alternative at its top level ({@code a|b}), or has
     * constructs this reading cannot follow (quoting with {@code \Q}, classes within classes, characters outside the
     * basic plane): then every path goes to the expression.
     */
    static String literalPrefix(String regex) {
        boolean supplementary = regex.chars().anyMatch(c -> Character.isSurrogate((char) c));
        if (regex.contains("\\Q") || hasNestedClass(regex) || supplementary || hasTopLevelAlternative(regex)) {
            return "";
        }
        int end = 0;
        while (end < regex.length() && META.indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        if (end < regex.length() && OPTIONAL.indexOf(regex.charAt(end)) >= 0) {
            end = Math.max(0, end - 1);
        }
        return regex.substring(0, end);
    }

    private static boolean hasNestedClass(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                if (inClass) {
                    return true;
                }
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            }
        }
        return false;
    }

    private static boolean hasTopLevelAlternative(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++; // the escaped character is a literal
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
