package kr.go.ax.gateway.console;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import kr.go.ax.gateway.GatewayConfig;
import kr.go.ax.gateway.web.Problems;

/**
 * Serves each service's OpenAPI document at {@code /api/v1/gateway/openapi/<service>} for the console (Swagger UI at
 * {@code /q/swagger-ui}), so one page lists the whole API and "Try it out" goes through the gateway.
 */
@ApplicationScoped
public class OpenApiDocuments {
    private final GatewayConfig config;

    public OpenApiDocuments(GatewayConfig config) {
        this.config = config;
    }

    void install(@Observes Router router, Vertx vertx, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000));
        OpenApiMerger merger = new OpenApiMerger(mapper);
        // One document for the whole suite: every service's, and the gateway's own API.
        io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> merged = rc -> {
            java.util.Map<String, URI> sources = new java.util.LinkedHashMap<>();
            config.routes().forEach((service, route) -> sources.put(service, route.url()));
            sources.put("gateway", URI.create("http://127.0.0.1:" + rc.request().localAddress().port()));
            java.util.List<io.vertx.core.Future<com.fasterxml.jackson.databind.JsonNode>> fetches =
                    new java.util.ArrayList<>();
            for (URI url : sources.values()) {
                fetches.add(client.request(new io.vertx.core.http.RequestOptions().setMethod(HttpMethod.GET)
                                .setHost(url.getHost()).setPort(url.getPort()).setURI("/q/openapi?format=json")
                                .setTimeout(5_000)) // a stuck service must not hang the console
                        .compose(req -> req.send())
                        .compose(resp -> resp.statusCode() == 200 ? resp.body()
                                : io.vertx.core.Future.failedFuture("status " + resp.statusCode()))
                        .map(body -> {
                            try {
                                return mapper.readTree(body.getBytes());
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }));
            }
            io.vertx.core.Future.join(fetches).onComplete(done -> {
                java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> documents =
                        new java.util.LinkedHashMap<>();
                java.util.List<String> missing = new java.util.ArrayList<>();
                int i = 0;
                for (String service : sources.keySet()) {
                    io.vertx.core.Future<com.fasterxml.jackson.databind.JsonNode> fetch = fetches.get(i++);
                    if (fetch.succeeded()) {
                        documents.put(service, fetch.result());
                    } else {
                        missing.add(service);
                    }
                }
                if (!missing.isEmpty()) {
                    rc.response().putHeader("Retry-After", "5");
                    Problems.send(rc, 503, "SERVICE_UNAVAILABLE", "Service unavailable",
                            "No OpenAPI document from " + String.join(", ", missing) + " yet");
                    return;
                }
                try {
                    rc.response().putHeader("Content-Type", "application/json")
                            .end(merger.merge(documents, "1").toString());
                } catch (RuntimeException e) {
                    rc.fail(e);
                }
            });
        };
        router.get("/openapi").handler(merged);
        router.get("/api/v1/gateway/openapi").handler(merged);
        router.get("/api/v1/gateway/openapi/:service").handler(rc -> {
            GatewayConfig.Route route = config.routes().get(rc.pathParam("service"));
            if (route == null) {
                Problems.send(rc, 404, "NOT_FOUND", "Not found", "No service named " + rc.pathParam("service"));
                return;
            }
            URI url = route.url();
            client.request(new io.vertx.core.http.RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                            .setPort(url.getPort()).setURI("/q/openapi?format=json").setTimeout(5_000))
                    .compose(req -> req.send())
                    .compose(resp -> resp.body().map(body -> {
                        rc.response().setStatusCode(resp.statusCode())
                                .putHeader("Content-Type", "application/json")
                                .end(body);
                        return null;
                    }))
                    .onFailure(failure -> Problems.send(rc, 502, "SERVICE_UNAVAILABLE", "Service unavailable",
                            rc.pathParam("service") + " did not serve its OpenAPI document: " + failure.getMessage()));
        });
    }
}
