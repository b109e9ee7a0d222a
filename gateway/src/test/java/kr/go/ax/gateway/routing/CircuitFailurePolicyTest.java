package kr.go.ax.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Which failures of a proxied request count toward opening the route's circuit. */
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
}
