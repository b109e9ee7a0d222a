package kr.go.ax.budget.assessments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import kr.go.ax.budget.calls.CallEventsConsumerTest;
import kr.go.ax.common.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, a consumer continues the trace of the event it handles: the verdict budget-service publishes for a
 * submitted application carries the submission's trace (gateway → service → Kafka → consumer → Kafka).
 */
@QuarkusTest
@TestProfile(TracingThroughConsumerTest.TracingOn.class)
class TracingThroughConsumerTest {
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @Test
    void theVerdictContinuesTheSubmissionsTrace() {
        UUID callId = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpan = "00f067aa0ba902b7";
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.opened.v1", CallEventsConsumerTest.snapshot(callId, "AX-TRACE", 1, 7_000_000_000L));
        TestKafka.sendCloudEvent("ax.applications", applicationId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.submitted.v1",
                AssessmentFlowTest.submitted(applicationId, callId, 1, 1_200_000_000L),
                Map.of("traceparent", "00-" + traceId + "-" + producerSpan + "-01"));
        var verdicts = TestKafka.await("ax.budget", r -> applicationId.toString().equals(r.key()),
                Duration.ofSeconds(40));
        String[] traceparent = TestKafka.header(verdicts.get(0), "traceparent").split("-");
        assertEquals(traceId, traceparent[1], "the verdict continues the submission's trace");
        assertNotEquals(producerSpan, traceparent[2], "its parent is the consumer's span");
    }
}
