package kr.go.ax.system;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * A light load generator for the benchmarks that need a URL per request (wrk and hey send one): Vert.x's HTTP client
 * on one event loop, keep-alive connections. The JDK's client hands every request between the caller's thread and its
 * selector thread and costs several times the CPU per request; on this 2-core machine that CPU and those wake-ups
 * come out of what the paths measured have, and so add to their latency.
 */
final class LeanClient implements AutoCloseable {
    private final Vertx vertx;
    private final HttpClient client;
    private final Context context;

    /** What came back: the status, the body and the time from sending the request to the body's last byte. */
    record Answer(int status, String body, long nanos) {
    }

    LeanClient(int connectionsPerServer) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connectionsPerServer));
        context = vertx.getOrCreateContext();
    }

    /** A POST without a body, as the JDK's client sends one ({@code Content-Length: 0}). */
    CompletableFuture<Answer> post(String url, String header, String value) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        context.runOnContext(v -> {
            long started = System.nanoTime();
            client.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                            .putHeader(header, value).putHeader("Content-Length", "0"))
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                            body.toString(), System.nanoTime() - started)))
                    .onSuccess(answer::complete)
                    .onFailure(answer::completeExceptionally);
        });
        return answer;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
