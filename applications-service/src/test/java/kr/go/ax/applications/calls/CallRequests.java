package kr.go.ax.applications.calls;

import java.time.Instant;
import java.util.UUID;
import kr.go.ax.applications.Fixtures;

/** Call bodies for tests, shaped like the example. */
final class CallRequests {
    private CallRequests() {
    }

    static String uniqueCode() {
        return "AX-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String valid(String code) {
        return Fixtures.callBody(code, Instant.parse("2026-03-10T09:00:00Z"),
                "[\"KR-11\", \"KR-48\", \"KR-27\", \"KR-31\", \"KR-46\", \"KR-49\"]");
    }
}
