package kr.go.ax.gateway.routing;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.go.ax.gateway.GatewayConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway is ready when the services it routes to are: each service's {@code /q/health/ready} is probed every
 * {@code ax.gateway.readiness.probe-every} (3 s) in the background, so the check itself never waits on the network.
 */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements HealthCheck {
    private final GatewayConfig config;
    private final Map<String, String> states = new ConcurrentHashMap<>();

    public ServicesReadiness(GatewayConfig config) {
        this.config = config;
        config.routes().keySet().forEach(service -> states.put(service, "UNKNOWN"));
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1_000)
                .setIdleTimeout(10));
        probe(client);
        vertx.setPeriodic(3_000, id -> probe(client));
    }

    private void probe(HttpClient client) {
        for (Map.Entry<String, GatewayConfig.Route> route : config.routes().entrySet()) {
            URI url = route.getValue().url();
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                    .setPort(url.getPort()).setURI("/q/health/ready").setTimeout(2_000))
                    .compose(request -> request.send())
                    .onSuccess(response -> {
                        states.put(route.getKey(), response.statusCode() == 200 ? "UP" : "DOWN");
                        response.body();
                    })
                    .onFailure(failure -> states.put(route.getKey(), "DOWN"));
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("routed services");
        boolean up = true;
        for (Map.Entry<String, String> state : states.entrySet()) {
            builder.withData(state.getKey(), state.getValue());
            up &= "UP".equals(state.getValue());
        }
        return builder.status(up).build();
    }
}
