package kr.go.ax.gateway.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The gateway assigns the {@code X-Request-Id} that every service logs and carries into Kafka headers. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    /** Keeps the caller's id when it is short and printable (so it cannot forge log lines), else makes one. */
    public static String assign(HttpServerRequest request) {
        String candidate = request.getHeader(HEADER);
        String id = candidate != null && !candidate.isBlank() && candidate.length() <= 128
                && candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? candidate : random();
        request.headers().set(HEADER, id);
        return id;
    }

    /** A version 4 UUID from a fast generator: request ids must be unique, not unguessable. */
    private static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    }

    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
