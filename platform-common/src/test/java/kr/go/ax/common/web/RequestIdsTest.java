package kr.go.ax.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAPrintableCallerId() {
        assertEquals("abc-123", RequestIds.sanitize("abc-123"));
    }

    @Test
    void replacesIdsThatCouldForgeLogLines() {
        assertNotEquals("a\nFAKE LOG LINE", RequestIds.sanitize("a\nFAKE LOG LINE"));
        assertNotEquals("x".repeat(200), RequestIds.sanitize("x".repeat(200)));
        assertEquals(36, RequestIds.sanitize(null).length());
    }
}
