package kr.go.ax.applications.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.applications.Fixtures;
import kr.go.ax.common.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, the event a request causes carries that request's trace: the relay publishes later, on another
 * thread, with the traceparent the outbox row kept, so consumers continue the same trace.
 */
@QuarkusTest
@TestProfile(TracingThroughKafkaTest.TracingOn.class)
class TracingThroughKafkaTest {
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @Test
    void theEventOfARequestCarriesItsTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        String code = "AX-TRACE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String callId = given().header("Authorization", Fixtures.admin())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(ContentType.JSON)
                .body(Fixtures.callBody(code, Instant.parse("2099-03-10T09:00:00Z"), "[]"))
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
        var records = TestKafka.await("ax.calls", r -> callId.equals(r.key()), Duration.ofSeconds(20));
        String traceparent = TestKafka.header(records.get(0), "traceparent");
        String[] parts = traceparent.split("-");
        assertEquals(traceId, parts[1], "the event continues the request's trace");
        assertNotEquals(callerSpan, parts[2], "its parent is the service's span, not the caller's");
    }
}
