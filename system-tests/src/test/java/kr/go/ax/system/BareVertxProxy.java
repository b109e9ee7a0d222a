package kr.go.ax.system;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The floor under the gateway, for {@link GatewayOverheadBenchmark}: Vert.x's reverse proxy (the library the gateway
 * proxies with) alone on a plain Vert.x server, configured as nginx is in the benchmark — a fixed token, no API key,
 * rules, buckets, logs, metrics or circuit — with the gateway's transport (epoll, one event loop, a keep-alive pool
 * per loop) and its one tuning of the library (a GET is not piped as an empty body). What the gateway costs beyond
 * this is its own work; what this costs beyond nginx is the JVM's HTTP stack.
 * Arguments: listen port, service port; the Authorization value comes from AX_BENCH_AUTHORIZATION, and without it the
 * client's own is passed on (the submit benchmark's clients each send their region's token).
 */
public final class BareVertxProxy {
    private BareVertxProxy() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int servicePort = Integer.parseInt(args[1]);
        String authorization = System.getenv("AX_BENCH_AUTHORIZATION");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(32))).origin(servicePort, "127.0.0.1");
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                ProxyRequest request = context.request();
                if (authorization != null) {
                    request.headers().set("Authorization", authorization);
                }
                HttpServerRequest incoming = request.proxiedRequest();
                if (request.getBody() != null && request.getBody().length() <= 0
                        && !incoming.headers().contains("Transfer-Encoding")) {
                    incoming.resume();
                    request.setBody(null);
                }
                return context.sendRequest();
            }
        });
        vertx.createHttpServer().requestHandler(proxy).listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        System.out.println("bare vertx-http-proxy on " + port + " -> " + servicePort + ", native transport "
                + vertx.isNativeTransportEnabled());
    }
}
