package kr.go.ax.gateway.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Unknown paths and wrong methods answer problem+json like everything else. */
@ApplicationScoped
public class NotFoundHandler {
    void install(@Observes Router router) {
        router.errorHandler(404, rc -> Problems.send(rc, 404, "NOT_FOUND", "Not found",
                "No route for " + rc.request().path()));
        router.errorHandler(405, rc -> Problems.send(rc, 405, "METHOD_NOT_ALLOWED", "Method not allowed",
                rc.request().method() + " is not allowed on " + rc.request().path()));
        router.errorHandler(500, rc -> {
            org.jboss.logging.Logger.getLogger(NotFoundHandler.class).errorf(rc.failure(), "Request %s failed",
                    RequestIds.of(rc.request()));
            Problems.send(rc, 500, "INTERNAL_ERROR", "Internal error", "The gateway could not handle this request;"
                    + " the request id identifies it in the logs");
        });
    }
}
