package kr.go.ax.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The last guard of a JSON call: whatever happens on the way to the service, the caller has an answer by its
 * deadline. One sweep a second per event loop over the requests in flight on it, instead of a timer set and cancelled
 * per request (profiled: the timer's bookkeeping was about 4% of the gateway's CPU per request). An answer may come up
 * to a second after the deadline.
 */
final class Deadlines {
    /** What to do with a request still unanswered at its deadline. */
    interface Expiry {
        void expired(RoutingContext rc);
    }

    static final long SWEEP_MILLIS = 1_000;
    private static final Logger LOG = Logger.getLogger(Deadlines.class);

    /** The requests in flight of the current event loop, with their deadlines (System.nanoTime). */
    private final ThreadLocal<Map<RoutingContext, Long>> inFlight;

    Deadlines(Vertx vertx, Expiry expiry) {
        this.inFlight = ThreadLocal.withInitial(() -> {
            // First request on this event loop: its sweep runs on the same loop, so the map is never shared. The
            // timer is set on the loop's root context, not on this request's (duplicated) one and its MDC and trace.
            Map<RoutingContext, Long> requests = new LinkedHashMap<>();
            ContextInternal loop = ((ContextInternal) vertx.getOrCreateContext()).unwrap();
            loop.runOnContext(start -> vertx.setPeriodic(SWEEP_MILLIS, id -> sweep(requests, expiry)));
            return requests;
        });
    }

    private static void sweep(Map<RoutingContext, Long> requests, Expiry expiry) {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<RoutingContext, Long>> i = requests.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<RoutingContext, Long> request = i.next();
            if (now - request.getValue() >= 0) {
                i.remove();
                try {
                    expiry.expired(request.getKey());
                } catch (RuntimeException e) {
                    LOG.warnf("Answering an expired request failed: %s", e.toString()); // the others still get theirs
                }
            }
        }
    }

    /**
     * Watches a request until it ends; called on its event loop. The guard fires a sweep interval after the
     * deadline, so the proxy's own timeouts (same deadline) answer first whenever they work.
     */
    void watch(RoutingContext rc, long timeoutMillis) {
        Map<RoutingContext, Long> requests = inFlight.get();
        requests.put(rc, System.nanoTime() + (timeoutMillis + SWEEP_MILLIS) * 1_000_000);
        rc.addEndHandler(done -> requests.remove(rc));
    }
}
