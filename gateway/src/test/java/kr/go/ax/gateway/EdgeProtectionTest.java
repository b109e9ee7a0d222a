package kr.go.ax.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoServiceResource.class)
class EdgeProtectionTest {

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndRateLimitHeaders() {
        // Test profile: portal keys 2/s, bursts of 5.
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(given().header("X-API-Key", "demo-portal").get("/api/v1/calls"));
        }
        assertEquals(200, responses.get(0).statusCode());
        assertEquals("5", responses.get(0).header("RateLimit-Limit"));
        assertEquals("4", responses.get(0).header("RateLimit-Remaining"));
        Response limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        limited.then().contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", equalTo("0"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        // Another client is not affected.
        given().header("X-API-Key", "demo-region-KR-27").get("/api/v1/calls").then().statusCode(200)
                .header("RateLimit-Limit", equalTo("200"));
    }

    @Test
    void edgeRulesStopNonAdminsBeforeTheService() {
        given().header("X-API-Key", "demo-region-KR-26").contentType("application/json").body("{}")
                .post("/api/v1/calls").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("admin"));
        given().header("X-API-Key", "demo-evaluator-1").post("/api/v1/evaluation/calls/x/decision")
                .then().statusCode(403);
        given().header("X-API-Key", "demo-admin").contentType("application/json").body("{}")
                .post("/api/v1/calls").then().statusCode(200).body("method", equalTo("POST"));
        given().header("X-API-Key", "demo-region-KR-26").get("/api/v1/calls/1").then().statusCode(200);
        // Other spellings of an admin path do not slip past the rules.
        for (String path : List.of("/api/v1/evaluation/./evaluators", "/api/v1/evaluation//evaluators",
                "/api/v1/evaluation/%65valuators", "/api/v1/budget/../evaluation/evaluators",
                "/api/v1/evaluation/evaluators;x=1", "/api/v1/evaluation/%2e/evaluators")) {
            given().header("X-API-Key", "demo-region-KR-26").urlEncodingEnabled(false).get(path)
                    .then().statusCode(org.hamcrest.Matchers.oneOf(400, 403, 404))
                    .contentType("application/problem+json");
        }
        given().header("X-API-Key", "demo-region-KR-26").contentType("application/json").body("{}")
                .post("/api/v1/calls/").then().statusCode(403);
    }

    @Test
    void aMalformedEscapeInThePathIsABadRequest() throws Exception {
        // Written on a socket: HTTP clients refuse to send such a path.
        for (String path : List.of("/api/v1/calls/%zz", "/api/v1/gateway/api-keys/%")) {
            try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-API-Key: demo-admin\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                // Quarkus's HTTP layer answers it (an empty 400) before any route, so it never reaches a service.
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            }
        }
    }

    @Test
    void identityHeadersFromOutsideNeverReachAService() {
        given().header("X-API-Key", "demo-region-KR-26").header("X-Forwarded-User", "admin")
                .header("X-Remote-User", "admin").header("Authorization", "Bearer forged")
                .header("X-Forwarded-Groups", "admin").header("Forwarded", "for=10.0.0.1;by=admin")
                .get("/api/v1/calls").then().statusCode(200)
                .body("headers", not(hasKey("x-forwarded-user")))
                .body("headers", not(hasKey("x-remote-user")))
                .body("headers", not(hasKey("x-forwarded-groups")))
                .body("headers", not(hasKey("forwarded")))
                .body("headers", not(hasKey("x-api-key")))
                .body("headers.authorization", not(equalTo("Bearer forged")));
    }

    @Test
    void bodiesOverTheRouteLimitAre413WhetherDeclaredOrChunked() {
        byte[] big = new byte[2 * 1024 * 1024]; // the evaluation route takes 1 MB
        given().header("X-API-Key", "demo-admin").contentType("application/octet-stream").body(big)
                .post("/api/v1/evaluation/x").then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        // No Content-Length: counted as it streams.
        given().header("X-API-Key", "demo-admin").contentType("application/octet-stream")
                .body(new ByteArrayInputStream(big))
                .post("/api/v1/evaluation/x").then().statusCode(413).contentType("application/problem+json");
        // Under the limit, chunked, it streams through.
        given().header("X-API-Key", "demo-admin").contentType("application/octet-stream")
                .body(new ByteArrayInputStream(new byte[512 * 1024]))
                .post("/api/v1/evaluation/x").then().statusCode(200).body("bodyLength", equalTo(512 * 1024));
    }

    @Test
    void bulkUploadPathsTakeMoreThanTheJsonEndpointsOfTheSameService() {
        byte[] elevenMegabytes = new byte[11 * 1024 * 1024]; // over the services' own 10 MB, under the bulk 64 MB
        given().header("X-API-Key", "demo-admin").contentType("application/json").body(elevenMegabytes)
                .post("/api/v1/calls").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString(Long.toString(10L * 1024 * 1024)));
        given().header("X-API-Key", "demo-region-KR-26").contentType("application/x-ndjson").body(elevenMegabytes)
                .post("/api/v1/progress-reports").then().statusCode(200)
                .body("bodyLength", equalTo(elevenMegabytes.length));
    }

    @Test
    void readinessReflectsTheRoutedServices() {
        // applications and evaluation answer (the echo server); budget's port is closed.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'routed services' }.data.applications", equalTo("UP"))
                        .body("checks.find { it.name == 'routed services' }.data.budget", equalTo("DOWN")));
    }

    @Test
    void aSilentServiceIs504AndADeadOneOpensTheCircuit() {
        long t0 = System.nanoTime();
        given().header("X-API-Key", "demo-admin").get("/api/v1/evaluation/slow").then().statusCode(504)
                .contentType("application/problem+json").body("code", equalTo("SERVICE_TIMEOUT"))
                .header("Retry-After", notNullValue());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3_900, "answered before the service would have");

        // The budget route points at a closed port: after 5 failures the circuit opens and answers 503 at once.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(given().header("X-API-Key", "demo-admin").get("/api/v1/budget/x").statusCode());
        }
        assertEquals(503, statuses.get(statuses.size() - 1), statuses.toString());
        given().header("X-API-Key", "demo-admin").get("/api/v1/budget/x").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
    }
}
