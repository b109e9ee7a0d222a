package kr.go.ax.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final AccessLog log = new AccessLog(true, new PrintStream(written, true, StandardCharsets.UTF_8));

    private String[] lines() {
        return written.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void writesOneLinePerRequestWithTheFieldsAnOperatorSearchesBy() {
        log.request("10.0.0.7", "GET", "/api/v1/calls/42", "applications", "portal-a", 200, 1_460_000, "req-1");
        log.request("10.0.0.8", "POST", "/api/v1/budget/checks", "budget", "region-KR-26", 429, 120_000, "req-2");
        log.flush();

        String[] lines = lines();
        assertEquals(2, lines.length);
        assertTrue(lines[0].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z ACCESS 10\\.0\\.0\\.7 GET "
                + "/api/v1/calls/42 route=applications client=portal-a status=200 latency_ms=1\\.4 request_id=req-1"),
                lines[0]);
        assertTrue(lines[1].endsWith("POST /api/v1/budget/checks route=budget client=region-KR-26 status=429 "
                + "latency_ms=0.1 request_id=req-2"), lines[1]);
        log.flush();
        assertEquals(2, lines().length, "a flush with nothing queued writes nothing");
    }

    @Test
    void aBlockedOutputDropsLinesAndSaysHowMany() {
        for (int i = 0; i < AccessLog.MAX_PENDING + 5; i++) {
            log.request("-", "GET", "/p", "r", "c", 200, 0, "id-" + i);
        }
        log.flush();

        String[] lines = lines();
        assertEquals(AccessLog.MAX_PENDING + 1, lines.length);
        assertTrue(lines[lines.length - 1].endsWith("ACCESS 5 lines dropped: standard output did not keep up"),
                lines[lines.length - 1]);
    }

    @Test
    void theWriterSleepsWhileIdleAndWakesForTheNextRequest() throws Exception {
        log.startWriter();
        log.request("-", "GET", "/first", "r", "c", 200, 0, "id-1");
        awaitLines(1);
        Thread.sleep(300); // the writer has found nothing more and sleeps until a request comes
        log.request("-", "GET", "/second", "r", "c", 200, 0, "id-2");
        awaitLines(2);
        assertTrue(lines()[1].contains("GET /second"), lines()[1]);
        log.onStop(null);
    }

    private void awaitLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (written.toString(StandardCharsets.UTF_8).lines().count() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, written.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void disabledWritesNothing() {
        AccessLog off = new AccessLog(false, new PrintStream(written, true, StandardCharsets.UTF_8));
        off.request("-", "GET", "/p", "r", "c", 200, 0, "id");
        off.flush();
        assertEquals(0, written.size());
    }
}
