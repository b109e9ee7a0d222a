package kr.go.ax.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.common.testing.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhook fan-out: 100 subscribers on this machine, 100 progress reports stored in one bulk request, so 10,000
 * deliveries. Reports deliveries per second and the delay from the event's time (its outbox commit) to its arrival.
 * bin/bench runs it; figures in system-tests/target/benchmarks/webhooks.md.
 */
@Tag("benchmark")
class WebhookBenchmark {
    static final int SUBSCRIBERS = 100;
    static final int EVENTS = 100;

    @BeforeAll
    static void startSuite() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    @Test
    void fanOutToAHundredSubscribers() throws Exception {
        List<String> subscriptions = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                subscriptions.add(given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                        .body(Map.of("url", receiver.url("/s" + i), "eventTypes",
                                List.of("kr.go.ax.application.progress-reported.v1")))
                        .post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
            }
            measure(receiver);
        } finally {
            // Nobody listens any more: later events must not be queued for these.
            subscriptions.forEach(id -> given().header("X-API-Key", "demo-admin").delete("/api/v1/webhooks/" + id));
        }
    }

    private void measure(WebhookReceiver receiver) throws Exception {
        List<String> ids = ProgressBenchmark.selectedApplications(EVENTS);
        String marker = "wb-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String id : ids) {
            body.append("{\"applicationId\": \"").append(id).append("\", \"externalId\": \"").append(marker)
                    .append("\", \"period\":")
                    .append(" \"2026-07\", \"smesSupported\": 1, \"solutionsDeployed\": 1, \"traineesTrained\":")
                    .append(" 1, \"aiAdoptionPct\": 19.5, \"localVendorSharePct\": 55.0, \"jobsCreated\": 1}\n");
        }
        given().header("X-API-Key", "demo-region-KR-26").contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/progress-reports")
                .then().statusCode(200).body("accepted", equalTo(EVENTS));
        int expected = SUBSCRIBERS * EVENTS;
        long lastReport = System.nanoTime();
        // Only this run's events count (the call id is in each event's data).
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                receiver.received.stream().filter(r -> r.body().contains(marker)).count() >= expected);
        List<WebhookReceiver.Received> ours = receiver.received.stream().filter(r -> r.body().contains(marker))
                .toList();
        List<Long> delays = new ArrayList<>();
        Instant firstEvent = Instant.MAX;
        Instant lastArrival = Instant.MIN;
        for (WebhookReceiver.Received r : ours) {
            Instant time = Instant.parse(new JsonPath(r.body()).getString("time"));
            firstEvent = time.isBefore(firstEvent) ? time : firstEvent;
            lastArrival = r.at().isAfter(lastArrival) ? r.at() : lastArrival;
            delays.add(Duration.between(time, r.at()).toMillis());
        }
        Collections.sort(delays);
        double seconds = Duration.between(firstEvent, lastArrival).toMillis() / 1000.0;
        String report = String.format(Locale.ROOT, "Webhook fan-out, %d cores: %d subscribers x %d events ="
                + " %d deliveries (receiver on this machine)%n%n| deliveries | first event to last arrival |"
                + " deliveries/s | delay p50 | delay p99 |%n|---|---|---|---|---|%n| %d | %.2f s | %.0f | %d ms |"
                + " %d ms |%n", Runtime.getRuntime().availableProcessors(), SUBSCRIBERS, EVENTS, expected,
                ours.size(), seconds, ours.size() / seconds,
                delays.get(delays.size() / 2), delays.get((int) Math.ceil(delays.size() * 0.99) - 1));
        Path out = Path.of(System.getProperty("ax.root", "..")).resolve(
                "system-tests/target/benchmarks/webhooks.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("\n=== webhook fan-out ===\n" + report + " (" + (System.nanoTime() - lastReport) / 1e9
                + " s from the upload)");
    }
}
