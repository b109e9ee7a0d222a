package kr.go.ax.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With tracing on, the gateway continues the caller's trace and hands its own span to the service. */
@QuarkusTest
@QuarkusTestResource(EchoServiceResource.class)
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @Test
    void theServiceSeesTheCallersTraceWithTheGatewaysSpanAsParent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        String forwarded = given().header("X-API-Key", "demo-admin")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .get("/api/v1/calls").then().statusCode(200).extract().jsonPath().getString("headers.traceparent");
        String[] parts = forwarded.split("-");
        assertEquals(traceId, parts[1], "same trace");
        assertNotEquals(callerSpan, parts[2], "the gateway's own span is the parent");
    }
}
