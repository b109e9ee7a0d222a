package kr.go.ax.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import kr.go.ax.common.problem.ProblemCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A service takes large bodies only on its bulk upload paths ({@code ax.http.bulk-paths}, up to Quarkus's own
 * {@code quarkus.http.limits.max-body-size}); every other request declaring more than
 * {@code ax.http.max-body-size} (10M) is refused from its headers with a 413, before the body is read.
 */
@Singleton
public class BodyLimits {
    private final long maxBodySize;
    private final Pattern bulkPaths;

    public BodyLimits(@ConfigProperty(name = "ax.http.max-body-size", defaultValue = "10M") MemorySize maxBodySize,
            @ConfigProperty(name = "ax.http.bulk-paths", defaultValue = "$^") String bulkPaths) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.bulkPaths = Pattern.compile(bulkPaths);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && tooLarge(length) && !bulkPaths.matcher(rc.request().path()).matches()) {
                rc.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close")
                        .end(new JsonObject().put("type", "urn:ax:problem:payload-too-large")
                                .put("title", "Payload too large").put("status", 413)
                                .put("detail", "Bodies on this path are limited to " + maxBodySize + " bytes")
                                .put("instance", rc.request().path()).put("code", ProblemCode.PAYLOAD_TOO_LARGE)
                                .put("requestId", RequestIds.of(rc.request())).encode());
                return;
            }
            rc.next();
        });
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
