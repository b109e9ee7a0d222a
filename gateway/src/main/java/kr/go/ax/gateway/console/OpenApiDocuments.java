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

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000));
        router.get("/api/v1/gateway/openapi/:service").handler(rc -> {
            GatewayConfig.Route route = config.routes().get(rc.pathParam("service"));
            if (route == null) {
                Problems.send(rc, 404, "NOT_FOUND", "Not found", "No service named " + rc.pathParam("service"));
                return;
            }
            URI url = route.url();
            client.request(HttpMethod.GET, url.getPort(), url.getHost(), "/q/openapi?format=json")
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
