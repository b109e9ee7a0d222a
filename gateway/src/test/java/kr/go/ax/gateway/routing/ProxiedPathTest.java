package kr.go.ax.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxiedPathTest {
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

    @Test
    void onlyAPathInItsPlainPrintableFormIsForwarded() {
        assertTrue(ProxyRoutes.canonical("/api/v1/calls/7f1c", "/api/v1/calls/7f1c"));
        assertTrue(ProxyRoutes.canonical("/api/v1/calls/caf%C3%A9", "/api/v1/calls/caf%C3%A9"));
        // The HTTP parser lets these through; a rule's `.*` would not match them.
        assertFalse(ProxyRoutes.canonical("/api/v1/calls/x\u0085", "/api/v1/calls/x\u0085"));
        assertFalse(ProxyRoutes.canonical("/api/v1/calls/x\u0007", "/api/v1/calls/x\u0007"));
        assertFalse(ProxyRoutes.canonical("/api/v1/calls/caf\u00e9", "/api/v1/calls/caf\u00e9"));
        assertFalse(ProxyRoutes.canonical("/api/v1/calls/x;a=1", "/api/v1/calls/x;a=1"));
        assertFalse(ProxyRoutes.canonical("/api/v1/evaluation/%2e/evaluators", "/api/v1/evaluation/evaluators"));
    }
}
