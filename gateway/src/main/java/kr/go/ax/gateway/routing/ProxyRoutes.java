package kr.go.ax.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kr.go.ax.gateway.GatewayConfig;
import kr.go.ax.gateway.auth.ApiKeys;
import kr.go.ax.gateway.auth.ClientIdentity;
import kr.go.ax.gateway.auth.EdgeRules;
import kr.go.ax.gateway.auth.PeopleTokens;
import kr.go.ax.gateway.auth.TokenMinter;
import kr.go.ax.gateway.limits.RateLimiter;
import kr.go.ax.gateway.web.Problems;
import kr.go.ax.gateway.web.RequestIds;
import org.jboss.logging.Logger;

/**
 * Installs the routing table on Quarkus's router. Per request, in order: authenticate the API key, apply the edge
 * rules, take a token from the client's bucket, check the body size, then stream the request to the service with
 * Vert.x's reverse proxy (no body buffering, pooled keep-alive connections). The service receives a signed token
 * instead of the API key, plus the request id and the forwarding headers. Each route has its own timeout, body limit
 * and circuit breaker; every failure is a problem+json answer. One access-log line and one timer sample per request.
 */
@ApplicationScoped
public class ProxyRoutes {
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    static final String API_KEY_HEADER = "X-API-Key";
    /** Identity headers only the gateway may set; whatever a caller sends under these names is dropped. */
    private static final List<CharSequence> IDENTITY_HEADERS = java.util.stream.Stream.of("Authorization",
            "X-Forwarded-User", "X-Forwarded-Email", "X-Forwarded-Groups", "X-Auth-Request-User", "X-Remote-User",
            "Forwarded", API_KEY_HEADER).map(HttpHeaders::createOptimized).toList();
    // Names of the headers read or written on every request, hashed once: Vert.x hashes a plain String on every call.
    private static final CharSequence X_API_KEY = HttpHeaders.createOptimized(API_KEY_HEADER);
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    private static final CharSequence RATE_LIMIT_LIMIT = HttpHeaders.createOptimized("RateLimit-Limit");
    private static final CharSequence RATE_LIMIT_REMAINING = HttpHeaders.createOptimized("RateLimit-Remaining");
    private static final CharSequence RATE_LIMIT_RESET = HttpHeaders.createOptimized("RateLimit-Reset");
    private static final CharSequence RATE_LIMIT_POLICY = HttpHeaders.createOptimized("RateLimit-Policy");
    private static final Pattern ENCODED_DOT_OR_SLASH = Pattern.compile("%(2e|2f|5c)", Pattern.CASE_INSENSITIVE);
    private static final String FAILURE = "ax.failure";
    private static final String BODY = "ax.body";
    private static final String SERVICE = "ax.service";
    private static final String REMOTE = "ax.remote";
    /** Keep-alive connections to a service per event loop. */
    private static final int CONNECTIONS_PER_LOOP = 32;
    private static final long CONNECTION_WAIT_MILLIS = 5_000;
    /** Vert.x's default, made explicit: the pool's sweep closes a connection unused for this long. */
    private static final int POOLED_CONNECTION_KEEP_SECONDS = 60;
    private static final int PROXY_DISPATCH_ORDER = -1000;

    /** The failure of a request refused because its route's circuit is open. */
    private static final class OpenCircuit extends RuntimeException {
        OpenCircuit() {
            super("The route's circuit is open", null, false, false);
        }
    }

    private static final OpenCircuit OPEN_CIRCUIT = new OpenCircuit();

    private final GatewayConfig config;
    private final ApiKeys apiKeys;
    private final TokenMinter tokens;
    private final EdgeRules edgeRules;
    private final RateLimiter rateLimiter;
    private final PeopleTokens people;
    private final MeterRegistry meters;
    private final AccessLog accessLog;
    private Vertx vertx;
    private Deadlines deadlines;
    private final io.opentelemetry.api.OpenTelemetry tracing;
    /** One timer per route, client and status, looked up without building a meter id on every request. */
    private final java.util.concurrent.ConcurrentHashMap<TimerKey, Timer> timers =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record TimerKey(String route, String client, int status) {
    }

    public ProxyRoutes(GatewayConfig config, ApiKeys apiKeys, TokenMinter tokens, EdgeRules edgeRules,
            RateLimiter rateLimiter, PeopleTokens people, MeterRegistry meters,
            io.opentelemetry.api.OpenTelemetry tracing, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.people = people;
        this.tracing = tracing;
        this.config = config;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.edgeRules = edgeRules;
        this.rateLimiter = rateLimiter;
        this.meters = meters;
    }

    void install(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        this.deadlines = new Deadlines(vertx, rc -> {
            if (!rc.response().headWritten() && !rc.response().closed()) {
                String service = rc.get(SERVICE);
                rc.response().putHeader("Retry-After", "5").putHeader("Connection", "close");
                Problems.send(rc, 504, "SERVICE_TIMEOUT", "Gateway timeout", service + " did not answer in time");
            }
        });
        List<ProxiedPrefix> proxied = new java.util.ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            String service = entry.getKey();
            GatewayConfig.Route route = entry.getValue();
            Duration longestWait = (route.timeout().compareTo(route.bulkTimeout()) > 0 ? route.timeout()
                    : route.bulkTimeout()).plusMillis(CONNECTION_WAIT_MILLIS + Deadlines.SWEEP_MILLIS);
            CircuitBreaker breaker = circuitBreaker(service, route.circuitFailures(), route.circuitOpenFor(),
                    longestWait);
            BodyLimits limits = BodyLimits.of(route);
            ServiceInterceptor interceptor = new ServiceInterceptor(service, route, limits, breaker);
            URI url = route.url();
            // One client and proxy per event loop: a pooled connection belongs to the loop that opened it, and handing
            // each request and its response between two loops (a wake-up of the other thread every time) cost more
            // CPU than the whole proxying did (measured: 230 -> 140 µs per request).
            ThreadLocal<HttpProxy> proxies = ThreadLocal.withInitial(() -> {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(2_000)
                        .setKeepAlive(true)
                        // No connection idle timeout: a request's silence is bounded per request, below, and the
                        // connection one put Netty's idle handler on every write to the service (a listener each).
                        .setKeepAliveTimeout(POOLED_CONNECTION_KEEP_SECONDS),
                        new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_LOOP));
                // Per request: no response bytes for the route's timeout (the service stuck, or an upload too slow)
                // fails it with a TimeoutException -> 504.
                // A request waits at most CONNECTION_WAIT_MILLIS for a pooled connection (Vert.x waits forever by
                // default): when the service dies, requests queued behind connections the pool still counts as
                // busy would otherwise hang until the client gives up (seen in the fault injection run).
                HttpProxy proxy = HttpProxy.reverseProxy(client).originRequestProvider((request, http) -> http
                        .request(new RequestOptions().setHost(url.getHost()).setPort(url.getPort())
                                .setConnectTimeout(CONNECTION_WAIT_MILLIS)
                                .setIdleTimeout(limits.timeoutMillis(request.path()))));
                proxy.addInterceptor(interceptor);
                return proxy;
            });
            for (String prefix : route.prefixes()) {
                proxied.add(new ProxiedPrefix(prefix, rc -> forward(rc, service, route, limits, proxies.get())));
            }
            LOG.infof("Route %s -> %s %s (timeout %s, body limit %s; bulk %s, %s on %s)", route.prefixes(), service,
                    url, route.timeout(), limits.ordinary(), route.bulkTimeout(), limits.bulk(),
                    route.bulkPaths().orElse(List.of()));
        }
        // Every answer carries a request id.
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.response().putHeader(RequestIds.HEADER, RequestIds.assign(rc.request()));
            rc.next();
        });
        // One route hands a proxied request to its service's handler with a plain prefix test: one regular expression
        // per prefix, tried route by route, was about 5% of the gateway's CPU per request. It runs after the routes
        // Quarkus puts first (configured response headers and filters) and before its HTTP security handlers (order
        // -300 and later): those serve the gateway's own API, while a proxied request is authenticated in forward().
        ProxiedPrefix[] table = proxied.toArray(ProxiedPrefix[]::new);
        router.route().order(PROXY_DISPATCH_ORDER).handler(rc -> {
            String path;
            try {
                path = rc.normalizedPath();
            } catch (IllegalArgumentException e) { // a malformed %-escape, should the HTTP layer let one through
                Problems.send(rc, 400, "MALFORMED_PATH", "Bad request", "The path has a malformed %-escape");
                return;
            }
            for (ProxiedPrefix prefix : table) {
                if (prefix.matches(path)) {
                    rc.request().routed(prefix.prefix()); // the span's http.route when tracing is on
                    prefix.handler().handle(rc);
                    return;
                }
            }
            rc.next();
        });
    }

    /** A public path prefix and the route that serves it: the prefix itself, or the prefix followed by '/'. */
    record ProxiedPrefix(String prefix, io.vertx.core.Handler<RoutingContext> handler) {
        boolean matches(String path) {
            return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
    }

    /**
     * The route's circuit: open after {@code circuit-failures} requests in a row failed to get an answer (see
     * {@link #showsServiceDown}; requests the client gave up on count neither way), answering 503 at once for
     * {@code circuit-open-for}, then one trial request decides; a trial unanswered after {@code trialMaxWait} opens it
     * again, so a lost trial cannot hold the route shut.
     * Resilience4j's breaker is asked and told in line: Vert.x's own breaker completed every call through a task on the
     * event loop, which also held the service's response body back until that task ran (measured: about 10 µs of the
     * gateway's CPU per request).
     */
    static CircuitBreaker circuitBreaker(String service, int failuresInARow, Duration openFor, Duration trialMaxWait) {
        return CircuitBreaker.of("gateway-" + service, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failuresInARow)
                .minimumNumberOfCalls(failuresInARow)
                .failureRateThreshold(100)
                // Slow answers are the route timeout's business (a bulk upload may take minutes), not the circuit's.
                .slowCallDurationThreshold(Duration.ofDays(1))
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .maxWaitDurationInHalfOpenState(trialMaxWait)
                // Every event loop records into the route's window: no lock between them.
                .slidingWindowSynchronizationStrategy(
                        CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .writableStackTraceEnabled(false)
                .build());
    }

    private void forward(RoutingContext rc, String service, GatewayConfig.Route route, BodyLimits limits,
            HttpProxy proxy) {
        HttpServerRequest request = rc.request();
        long started = System.nanoTime();
        rc.put(SERVICE, service);
        // The TCP peer, read once, from the connection: Vert.x Web's request.remoteAddress() would first run its
        // forwarded-header parser (once per request, a cost even with forwarding off).
        io.vertx.core.net.SocketAddress peer = request.connection().remoteAddress();
        rc.put(REMOTE, peer == null ? null : peer.hostAddress());
        String[] client = {"anonymous"};
        rc.addEndHandler(done -> record(rc, service, client[0], started));
        if (!limits.isBulk(request.path())) {
            // A last guard for the JSON calls: whatever happens on the way to the service (in the fault injection
            // run, requests in flight when the service was killed were neither failed nor timed out by the proxy),
            // the caller has an answer within the route's timeout plus the connection wait.
            deadlines.watch(rc, limits.timeoutMillis(request.path()) + CONNECTION_WAIT_MILLIS);
        }
        if (!canonical(request.path(), rc.normalizedPath())) {
            // Edge rules and services must see one spelling of a path: `//`, `/./`, `/../`, `;params` or encoded
            // unreserved characters could slip past a rule and be read differently by the service.
            Problems.send(rc, 400, "NON_CANONICAL_PATH", "Bad request", "Write the path " + rc.normalizedPath()
                    .replaceAll(";.*", "") + " in its plain form");
            return;
        }
        String apiKey = request.getHeader(X_API_KEY);
        String bearer = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        Optional<ClientIdentity> identity = apiKey != null ? apiKeys.resolve(apiKey)
                : bearer != null && people.enabled() ? people.remembered(bearer) : Optional.empty();
        if (identity.isEmpty() && apiKey == null && bearer != null && people.enabled()) {
            // A person's token seen for the first time: verify it off the event loop, holding the body meanwhile.
            request.pause();
            people.verify(bearer).onComplete(result -> {
                if (result.succeeded()) {
                    client[0] = result.result().subject();
                    try {
                        proceed(rc, route, limits, proxy, result.result());
                    } catch (RuntimeException e) {
                        request.resume();
                        rc.fail(e); // answered by the problem+json 500 handler
                    }
                } else {
                    LOG.infof("Bearer token refused for %s: %s", request.path(), result.cause().getMessage());
                    request.resume();
                    unauthenticated(rc, "The bearer token is not accepted");
                }
            });
            return;
        }
        if (identity.isEmpty()) {
            unauthenticated(rc, apiKey == null ? "An X-API-Key header (or a person's bearer token) is required"
                    : "The X-API-Key is not valid");
            return;
        }
        client[0] = identity.get().subject();
        proceed(rc, route, limits, proxy, identity.get());
    }

    /**
     * The path as written is the normalized one, in printable ASCII (a control or non-ASCII character, which the HTTP
     * parser lets through, would escape the rules' {@code .*}), with no matrix parameters and no encoded slash or dot.
     */
    static boolean canonical(String raw, String normalized) {
        return raw.equals(normalized) && printableAscii(raw) && raw.indexOf(';') < 0 && !raw.contains("//")
                && (raw.indexOf('%') < 0 || !ENCODED_DOT_OR_SLASH.matcher(raw).find());
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    private static void unauthenticated(RoutingContext rc, String detail) {
        rc.response().putHeader("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\", Bearer");
        Problems.send(rc, 401, "UNAUTHENTICATED", "Unauthenticated", detail);
    }

    private void proceed(RoutingContext rc, GatewayConfig.Route route, BodyLimits limits, HttpProxy proxy,
            ClientIdentity client) {
        HttpServerRequest request = rc.request();
        Optional<Set<String>> refused = edgeRules.refused(request.method().name(), request.path(), client);
        if (refused.isPresent()) {
            request.resume(); // a body held for a person's token is not needed now
            Problems.send(rc, 403, "FORBIDDEN", "Forbidden", request.method() + " " + request.path() + " needs the "
                    + String.join(" or ", refused.get()) + " role");
            return;
        }
        Optional<RateLimiter.Decision> rate = rateLimiter.take(client);
        if (rate.isPresent()) {
            RateLimiter.Decision d = rate.get();
            rc.response().putHeader(RATE_LIMIT_LIMIT, Long.toString(d.limit()))
                    .putHeader(RATE_LIMIT_REMAINING, Long.toString(d.remaining()))
                    .putHeader(RATE_LIMIT_RESET, Long.toString(d.resetSeconds()))
                    .putHeader(RATE_LIMIT_POLICY, d.policy());
            if (!d.allowed()) {
                rc.response().putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
                request.resume(); // a body held for a person's token is not needed now
                Problems.send(rc, 429, "RATE_LIMITED", "Too many requests", "Client " + client.subject()
                        + " is over its limit; retry after " + d.retryAfterSeconds() + " s");
                return;
            }
        }
        String length = request.getHeader("Content-Length");
        long limit = limits.forPath(request.path());
        if (length != null && tooLarge(length, limit)) {
            rc.response().putHeader("Connection", "close"); // the body is not read
            Problems.send(rc, 413, "PAYLOAD_TOO_LARGE", "Payload too large", "Bodies on this route are limited to "
                    + limit + " bytes");
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
        for (CharSequence name : IDENTITY_HEADERS) {
            headers.remove(name);
        }
        headers.set(X_FORWARDED_FOR, forwardedFor(request, rc.get(REMOTE)));
        // The scheme and host as this hop received them, from the connection and the Host header (Vert.x Web's
        // request.scheme() and authority() would run its forwarded-header parser first).
        headers.set(X_FORWARDED_PROTO, request.connection().isSsl() ? "https" : "http");
        // The gateway's span becomes the parent of the service's (a no-op, passing traceparent on, when tracing is
        // off).
        tracing.getPropagators().getTextMapPropagator().inject(io.opentelemetry.context.Context.current(), headers,
                (carrier, key, value) -> carrier.set(key, value));
        String host = headers.get(HttpHeaders.HOST);
        // The services build links from it: only a well-formed authority, as Vert.x writes it. HTTP/2 carries it as
        // :authority.
        HostAndPort authority = host != null ? HostAndPort.parseAuthority(host, -1) : request.authority();
        if (authority != null) {
            headers.set(X_FORWARDED_HOST, authority.toString());
        }
        String authorization = tokens.cachedAuthorization(client);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
            proxy.handle(request); // resumes a paused request as it streams it
            return;
        }
        // No token for this client yet: sign one on a worker thread (about a millisecond of RSA), holding the body.
        request.pause();
        vertx.executeBlocking(() -> tokens.authorizationFor(client), false).onComplete(signed -> {
            if (signed.failed()) {
                request.resume();
                rc.fail(signed.cause()); // answered by the problem+json 500 handler
                return;
            }
            headers.set(HttpHeaders.AUTHORIZATION, signed.result());
            proxy.handle(request);
        });
    }

    /**
     * What counts toward opening a route's circuit: every failure to get an answer from the service (refused, name or
     * route unknown, reset, timed out), except a connection closed in mid-exchange: a client that disconnects makes
     * the proxy reset the service's connection too, and the benchmark's load generator closing its 8 connections at
     * once opened the circuit for 10 s. A service that really died refuses, or fails to resolve, the next connections.
     * (A body over the limit or a client that went away never counts either: the interceptor checks those.)
     */
    static boolean showsServiceDown(Throwable failure) {
        return !(failure instanceof io.vertx.core.http.HttpClosedException
                || failure instanceof io.vertx.core.http.StreamResetException);
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void record(RoutingContext rc, String service, String client, long started) {
        long nanos = System.nanoTime() - started;
        int status = rc.response().getStatusCode();
        // People are many and come and go: one series for all of them (the access log names each).
        String meterClient = client.startsWith(PeopleTokens.SUBJECT_PREFIX) ? "people" : client;
        TimerKey key = new TimerKey(service, meterClient, status);
        Timer timer = timers.get(key); // a plain read first: computeIfAbsent may lock the bin on a hit
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("ax.gateway.requests")
                    .description("Requests through the gateway, by route, client and status")
                    .tags("route", service, "client", meterClient, "status", Integer.toString(status))
                    .register(meters));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        HttpServerRequest request = rc.request();
        String remote = rc.get(REMOTE);
        accessLog.request(remote == null ? "-" : remote, request.method().name(), request.path(), service, client,
                status, nanos, RequestIds.of(request));
    }

    private static String forwardedFor(HttpServerRequest request, String remote) {
        String hop = remote == null ? "unknown" : remote;
        String previous = request.getHeader(X_FORWARDED_FOR);
        return previous == null ? hop : previous + ", " + hop;
    }

    /** Body limit, circuit breaker and problem+json answers for failures, for one route. */
    private static final class ServiceInterceptor implements ProxyInterceptor {
        private final String service;
        private final GatewayConfig.Route route;
        private final BodyLimits limits;
        private final CircuitBreaker breaker;

        ServiceInterceptor(String service, GatewayConfig.Route route, BodyLimits limits, CircuitBreaker breaker) {
            this.service = service;
            this.route = route;
            this.limits = limits;
            this.breaker = breaker;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            Body body = request.getBody();
            // A body of unknown length (chunked, or HTTP/2) is counted as it streams. An HTTP/1 request with neither
            // length nor Transfer-Encoding has no body: not piped through the counter.
            HttpServerRequest incoming = request.proxiedRequest();
            boolean http1 = incoming.version() != io.vertx.core.http.HttpVersion.HTTP_2;
            if (body != null && (body.length() == 0 || body.length() < 0 && http1
                    && !incoming.headers().contains("Transfer-Encoding"))) {
                // No body (a GET, or Content-Length: 0): the request is ended at once instead of piping an empty
                // stream into it (a pipe, its handlers and a pause/resume cycle per GET). The proxy paused the
                // incoming request; resume it so the connection reads its next request.
                incoming.resume();
                request.setBody(null);
            } else if (body != null && body.length() < 0) {
                LimitedBody limited = new LimitedBody(body.stream(), limits.forPath(incoming.path()));
                context.set(BODY, limited);
                request.setBody(Body.body(limited, -1));
            }
            if (!breaker.tryAcquirePermission()) {
                context.set(FAILURE, OPEN_CIRCUIT);
                return Future.failedFuture(OPEN_CIRCUIT);
            }
            long started = System.nanoTime();
            Future<ProxyResponse> sent;
            try {
                sent = context.sendRequest();
            } catch (RuntimeException e) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e); // the permit is not kept
                context.set(FAILURE, e);
                return Future.failedFuture(e);
            }
            // Registered before the proxy's own handler: the outcome is recorded before the answer is written.
            sent.onComplete(result -> {
                long nanos = System.nanoTime() - started;
                if (result.succeeded()) {
                    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                    return;
                }
                Throwable failure = result.cause();
                context.set(FAILURE, failure);
                LimitedBody counted = context.get(BODY, LimitedBody.class);
                boolean clientsFault = counted != null && counted.exceeded() || incoming.response().closed();
                if (!clientsFault && showsServiceDown(failure)) {
                    breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
                } else {
                    breaker.releasePermission(); // neither an answer nor the service's failure: not counted
                }
            });
            return sent;
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            // The gateway already set the request id on its own response.
            response.headers().remove(RequestIds.HEADER);
            Throwable failure = context.get(FAILURE, Throwable.class);
            if (failure != null || response.getStatusCode() == 502 && response.headers().isEmpty()) {
                String requestId = RequestIds.of(context.request().proxiedRequest());
                LimitedBody limited = context.get(BODY, LimitedBody.class);
                boolean timedOut = failure instanceof java.util.concurrent.TimeoutException;
                int status;
                String code;
                String detail;
                String retryAfter = null;
                if (limited != null && limited.exceeded()) {
                    status = 413;
                    code = "PAYLOAD_TOO_LARGE";
                    detail = "Bodies on this route are limited to " + limited.limit() + " bytes";
                    response.putHeader("Connection", "close");
                } else if (failure == OPEN_CIRCUIT) {
                    status = 503;
                    code = "SERVICE_UNAVAILABLE";
                    detail = service + " failed repeatedly; requests are held off for a moment";
                    retryAfter = Long.toString(Math.max(1, route.circuitOpenFor().toSeconds()));
                } else if (timedOut) {
                    status = 504;
                    code = "SERVICE_TIMEOUT";
                    detail = service + " did not answer within "
                            + limits.timeoutMillis(context.request().proxiedRequest().path()) / 1000 + " s";
                    retryAfter = "5";
                } else {
                    status = 502;
                    code = "SERVICE_UNAVAILABLE";
                    detail = service + " is not answering; retry shortly";
                    retryAfter = "5";
                }
                LOG.warnf("%s: request %s answered %d: %s", service, requestId, status,
                        failure == null ? "no response" : failure.toString());
                Buffer problem = Problems.body(status, code, reason(status), detail, context.request().getURI(),
                        requestId).toBuffer();
                response.setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE)
                        .setBody(Body.body(problem));
                if (retryAfter != null) {
                    response.putHeader("Retry-After", retryAfter);
                }
            }
            return context.sendResponse();
        }

        private static String reason(int status) {
            return switch (status) {
                case 413 -> "Payload too large";
                case 503 -> "Service unavailable";
                case 504 -> "Gateway timeout";
                default -> "Bad gateway";
            };
        }
    }
}
