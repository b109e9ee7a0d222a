package kr.go.ax.common.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Every request carries an {@code X-Request-Id}: the caller's (normally set by the gateway) or a new one. It is put on
 * the request itself, echoed on the response, logged through the MDC and copied into outbox events.
 */
@Singleton
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final int MAX_LENGTH = 128;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            HttpServerRequest request = rc.request();
            String id = sanitize(request.getHeader(HEADER));
            request.headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.next();
        });
    }

    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }

    /** The current request id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** Accepts a caller's id only when it is short and printable, so it cannot forge log lines. */
    static String sanitize(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > MAX_LENGTH
                || !candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return UUID.randomUUID().toString();
        }
        return candidate;
    }
}
