package kr.go.ax.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathPatternTest {
    @Test
    void theLiteralPrefixIsWhatEveryMatchStartsWith() {
        assertEquals("/api/v1/progress-reports", PathPattern.literalPrefix("/api/v1/progress-reports"));
        assertEquals("/api/v1/calls", PathPattern.literalPrefix("/api/v1/calls(/.*)?"));
        assertEquals("/api/v1/evaluation/", PathPattern.literalPrefix("/api/v1/evaluation/(evaluators|appeals)(/.*)?"));
        assertEquals("/api/v1/budget/applications/",
                PathPattern.literalPrefix("/api/v1/budget/applications/[^/]+/expenditures"));
        // A quantifier makes the character before it optional; a top-level alternative may start anywhere.
        assertEquals("/api/v1/call", PathPattern.literalPrefix("/api/v1/calls?"));
        assertEquals("/a", PathPattern.literalPrefix("/ab*"));
        assertEquals("", PathPattern.literalPrefix("/a/(b)|/c"));
        assertEquals("", PathPattern.literalPrefix(".*"));
        // Constructs the reading does not follow: no prefix, the expression decides.
        assertEquals("", PathPattern.literalPrefix("/a\\Q(\\E|/b"));
        assertEquals("", PathPattern.literalPrefix("/x[a[b](]|/y"));
        assertEquals("", PathPattern.literalPrefix("/a\uD83D\uDE00?"));
    }

    @Test
    void whatTheReadingCannotFollowStillMatches() {
        assertTrue(new PathPattern("/a\\Q(\\E|/b").matches("/b"));
        assertTrue(new PathPattern("/x[a[b](]|/y").matches("/y"));
        assertTrue(new PathPattern("/a\uD83D\uDE00?").matches("/a"));
    }

    @Test
    void matchesExactlyAsTheExpressionDoes() {
        PathPattern rule = new PathPattern("/api/v1/evaluation/(evaluators|appeals)(/.*)?");
        assertTrue(rule.matches("/api/v1/evaluation/appeals"));
        assertTrue(rule.matches("/api/v1/evaluation/evaluators/7"));
        assertFalse(rule.matches("/api/v1/evaluation/appealsx"));
        assertFalse(rule.matches("/api/v1/calls/7"));

        PathPattern either = new PathPattern("/a/(b)|/c/[^/]+");
        assertTrue(either.matches("/a/b"));
        assertTrue(either.matches("/c/9"), "the second alternative starts with something else");
        assertFalse(either.matches("/c/9/x"));

        PathPattern optional = new PathPattern("/api/v1/calls?");
        assertTrue(optional.matches("/api/v1/call"));
        assertTrue(optional.matches("/api/v1/calls"));

        PathPattern escaped = new PathPattern("/files/a\\|b(/.*)?");
        assertEquals("/files/a", PathPattern.literalPrefix("/files/a\\|b(/.*)?"));
        assertTrue(escaped.matches("/files/a|b/1"));
        assertFalse(escaped.matches("/files/b"));
    }
}
