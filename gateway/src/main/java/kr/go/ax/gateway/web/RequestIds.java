package kr.go.ax.gateway.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;

/** The gateway assigns the {@code X-Request-Id} that every service logs and carries into Kafka headers. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    /** Keeps the caller's id when it is short and printable (so it cannot forge log lines), else makes one. */
    public static String assign(HttpServerRequest request) {
        String candidate = request.getHeader(HEADER);
        String id = candidate != null && !candidate.isBlank() && candidate.length() <= 128
                && candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? candidate : UUID.randomUUID().toString();
        request.headers().set(HEADER, id);
        return id;
    }

    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
