package kr.go.ax.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxiedPrefixTest {
    private final ProxyRoutes.ProxiedPrefix calls = new ProxyRoutes.ProxiedPrefix("/api/v1/calls", rc -> { });

    @Test
    void aPrefixServesItselfAndWhatLiesBelowIt() {
        assertTrue(calls.matches("/api/v1/calls"));
        assertTrue(calls.matches("/api/v1/calls/"));
        assertTrue(calls.matches("/api/v1/calls/7f1c/applications"));
    }

    @Test
    void aPathThatOnlyStartsWithTheSameLettersIsNotItsRoute() {
        assertFalse(calls.matches("/api/v1/callsx"));
        assertFalse(calls.matches("/api/v1/call"));
        assertFalse(calls.matches("/api/v1/gateway/api-keys"));
        assertFalse(calls.matches("/API/v1/calls"));
    }
}
