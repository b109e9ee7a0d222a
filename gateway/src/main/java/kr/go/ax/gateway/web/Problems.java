package kr.go.ax.gateway.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 answers written by the gateway itself, in the same shape as the services' problems. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static JsonObject body(int status, String code, String title, String detail, String instance,
            String requestId) {
        return new JsonObject()
                .put("type", "urn:ax:problem:" + code.toLowerCase().replace('_', '-'))
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .put("code", code)
                .put("requestId", requestId);
    }

    public static void send(RoutingContext rc, int status, String code, String title, String detail) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            response.close();
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body(status, code, title, detail, rc.request().path(), RequestIds.of(rc.request())).encode());
    }
}
