package kr.go.ax.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which failures of a proxied request count toward opening the route's circuit, and when it opens and closes. */
class CircuitFailurePolicyTest {
    @Test
    void aServiceThatRefusesOrDoesNotAnswerCounts() {
        assertTrue(ProxyRoutes.showsServiceDown(new ConnectException("Connection refused")));
        assertTrue(ProxyRoutes.showsServiceDown(new ConnectTimeoutException("connection timed out")));
        assertTrue(ProxyRoutes.showsServiceDown(new NoStackTraceTimeoutException(
                "The timeout period of 15000ms has been exceeded while executing GET")));
        assertTrue(ProxyRoutes.showsServiceDown(new java.net.UnknownHostException("applications-service")));
        assertTrue(ProxyRoutes.showsServiceDown(new java.net.NoRouteToHostException("No route to host")));
        assertTrue(ProxyRoutes.showsServiceDown(new java.net.SocketException("Connection reset")));
    }

    @Test
    void aConnectionClosedInMidExchangeDoesNot() {
        // What a client that disconnects leaves behind: the proxy resets the service's connection for its request.
        HttpClosedException closed = new HttpClosedException("Connection was closed");
        assertFalse(ProxyRoutes.showsServiceDown(closed));
        assertFalse(ProxyRoutes.showsServiceDown(new StreamResetException(0, closed)));
    }

    private static void fails(CircuitBreaker circuit) {
        assertTrue(circuit.tryAcquirePermission());
        circuit.onError(1, TimeUnit.MILLISECONDS, new ConnectException("Connection refused"));
    }

    private static void answers(CircuitBreaker circuit, long millis) {
        assertTrue(circuit.tryAcquirePermission());
        circuit.onSuccess(millis, TimeUnit.MILLISECONDS);
    }

    @Test
    void opensAfterTheConfiguredFailuresInARowOnly() {
        CircuitBreaker circuit = ProxyRoutes.circuitBreaker("test", 3, Duration.ofSeconds(10), Duration.ofSeconds(30));
        fails(circuit);
        fails(circuit);
        answers(circuit, 1);
        fails(circuit);
        fails(circuit);
        assertEquals(CircuitBreaker.State.CLOSED, circuit.getState(), "an answer in between: not three in a row");
        fails(circuit);
        assertEquals(CircuitBreaker.State.OPEN, circuit.getState());
        assertFalse(circuit.tryAcquirePermission(), "an open circuit lets nothing through");
    }

    @Test
    void slowAnswersAndIgnoredFailuresNeverOpenIt() {
        CircuitBreaker circuit = ProxyRoutes.circuitBreaker("test", 2, Duration.ofSeconds(10), Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            answers(circuit, 300_000); // a bulk upload answered after five minutes
            assertTrue(circuit.tryAcquirePermission());
            circuit.releasePermission(); // a client that went away
        }
        assertEquals(CircuitBreaker.State.CLOSED, circuit.getState());
    }

    /** A circuit of two failures, opened by them, whose 50 ms open time has passed. */
    private static CircuitBreaker openedAndWaited(Duration trialMaxWait) throws InterruptedException {
        CircuitBreaker circuit = ProxyRoutes.circuitBreaker("test", 2, Duration.ofMillis(50), trialMaxWait);
        fails(circuit);
        fails(circuit);
        assertEquals(CircuitBreaker.State.OPEN, circuit.getState());
        Thread.sleep(80);
        return circuit;
    }

    @Test
    void afterItsOpenTimeOneTrialRequestDecides() throws InterruptedException {
        CircuitBreaker circuit = openedAndWaited(Duration.ofSeconds(30));
        assertTrue(circuit.tryAcquirePermission(), "the trial request");
        assertFalse(circuit.tryAcquirePermission(), "only one at a time");
        circuit.onError(1, TimeUnit.MILLISECONDS, new ConnectException("Connection refused"));
        assertEquals(CircuitBreaker.State.OPEN, circuit.getState(), "a failed trial opens it again");
        Thread.sleep(80);
        answers(circuit, 1);
        assertEquals(CircuitBreaker.State.CLOSED, circuit.getState(), "an answered trial closes it");
        answers(circuit, 1);
    }

    @Test
    void aTrialThatNeverEndsOpensItAgain() throws InterruptedException {
        CircuitBreaker circuit = openedAndWaited(Duration.ofMillis(100));
        assertTrue(circuit.tryAcquirePermission(), "the trial request, whose answer is lost");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> circuit.getState() == CircuitBreaker.State.OPEN);
        Thread.sleep(80);
        assertTrue(circuit.tryAcquirePermission(), "a new trial after the open time");
    }
}
