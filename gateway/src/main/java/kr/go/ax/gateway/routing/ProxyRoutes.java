package kr.go.ax.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.go.ax.gateway.GatewayConfig;
import kr.go.ax.gateway.auth.ApiKeys;
import kr.go.ax.gateway.auth.ClientIdentity;
import kr.go.ax.gateway.auth.TokenMinter;
import kr.go.ax.gateway.web.Problems;
import kr.go.ax.gateway.web.RequestIds;
import org.jboss.logging.Logger;

/**
 * Installs the routing table on Quarkus's router: each public prefix is authenticated here, then streamed to its
 * service by Vert.x's reverse proxy (no body buffering, pooled keep-alive connections). The service receives a signed
 * token instead of the API key, plus the request id and the forwarding headers.
 */
@ApplicationScoped
public class ProxyRoutes {
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String FAILURE = "ax.failure";

    private final GatewayConfig config;
    private final ApiKeys apiKeys;
    private final TokenMinter tokens;

    public ProxyRoutes(GatewayConfig config, ApiKeys apiKeys, TokenMinter tokens) {
        this.config = config;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
    }

    void install(@Observes Router router, Vertx vertx) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.response().putHeader(RequestIds.HEADER, RequestIds.assign(rc.request()));
            rc.next();
        });
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            String service = entry.getKey();
            GatewayConfig.Route route = entry.getValue();
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout(2_000)
                    .setKeepAlive(true)
                    .setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(64));
            URI url = route.url();
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(url.getPort(), url.getHost());
            proxy.addInterceptor(new ServiceFailureInterceptor(service));
            for (String prefix : route.prefixes()) {
                router.routeWithRegex("^" + Pattern.quote(prefix) + "(/.*)?$")
                        .handler(rc -> forward(rc, proxy));
            }
            LOG.infof("Route %s -> %s %s", route.prefixes(), service, url);
        }
    }

    private void forward(RoutingContext rc, HttpProxy proxy) {
        HttpServerRequest request = rc.request();
        Optional<ClientIdentity> identity = apiKeys.resolve(request.getHeader(API_KEY_HEADER));
        if (identity.isEmpty()) {
            rc.response().putHeader("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"");
            Problems.send(rc, 401, "UNAUTHENTICATED", "Unauthenticated",
                    request.getHeader(API_KEY_HEADER) == null ? "An X-API-Key header is required"
                            : "The X-API-Key is not valid");
            return;
        }
        var headers = request.headers();
        // Headers named in Connection are hop-by-hop and must not reach the service.
        String connection = headers.get("Connection");
        if (connection != null) {
            for (String name : connection.split(",")) {
                if (!name.isBlank()) {
                    headers.remove(name.trim());
                }
            }
        }
        headers.remove(API_KEY_HEADER);
        headers.set("Authorization", "Bearer " + tokens.tokenFor(identity.get()));
        headers.set("X-Forwarded-For", forwardedFor(request));
        headers.set("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        proxy.handle(request);
    }

    private static String forwardedFor(HttpServerRequest request) {
        String remote = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String previous = request.getHeader("X-Forwarded-For");
        return previous == null ? remote : previous + ", " + remote;
    }

    /** An unreachable or failing service becomes a problem+json answer instead of an empty 502. */
    private static final class ServiceFailureInterceptor implements ProxyInterceptor {
        private final String service;

        ServiceFailureInterceptor(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().onFailure(failure -> context.set(FAILURE, failure));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            // The gateway already set the request id on its own response.
            response.headers().remove(RequestIds.HEADER);
            Throwable failure = context.get(FAILURE, Throwable.class);
            if (failure != null || response.getStatusCode() == 502 && response.headers().isEmpty()) {
                String requestId = context.request().headers().get(RequestIds.HEADER);
                LOG.warnf("%s did not answer request %s: %s", service, requestId,
                        failure == null ? "no response" : failure.toString());
                Buffer body = Problems.body(502, "SERVICE_UNAVAILABLE", "Service unavailable",
                        service + " is not answering; retry shortly", context.request().getURI(), requestId)
                        .toBuffer();
                response.setStatusCode(502)
                        .putHeader("Content-Type", Problems.MEDIA_TYPE)
                        .putHeader("Retry-After", "5")
                        .setBody(Body.body(body));
            }
            return context.sendResponse();
        }
    }
}
