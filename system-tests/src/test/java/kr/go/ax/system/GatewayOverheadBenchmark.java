package kr.go.ax.system;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the gateway costs: the same route direct to the service, through the gateway (authentication, edge rules and
 * rate limiting on), through nginx (Debian package, keep-alive upstream, a fixed token), and through Vert.x's reverse
 * proxy alone ({@link BareVertxProxy}: the library the gateway is built on, configured as nginx is) — alternating, in
 * one run, at saturation and at half of the gateway's saturated rate. CPU time per request is read from /proc for the proxy
 * process(es) and the service. Load generator, proxy and service share this machine's cores, so throughput follows
 * CPU per request. bin/bench runs it; results in system-tests/target/benchmarks/gateway.md.
 */
@Tag("benchmark")
class GatewayOverheadBenchmark {
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    /**
     * Warm-up per path: windows of this many seconds at saturation, at least {@link #WARMUP_MIN_WINDOWS}, until the CPU
     * per request of the path's proxy (of the service, for the direct path) moves less than {@link #WARMUP_STEADY}
     * from one window to the next, at most {@link #WARMUP_MAX_WINDOWS}. A fixed 45 s was not enough on a slower day: the gateway's CPU per
     * request still fell by a third between the first and the last measured round.
     */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.gateway.warmup-seconds", 15);
    static final int WARMUP_MIN_WINDOWS = 3;
    static final int WARMUP_MAX_WINDOWS = Integer.getInteger("bench.gateway.warmup-max-windows", 10);
    static final double WARMUP_STEADY = 0.08;
    static final int SECONDS = Integer.getInteger("bench.gateway.seconds", 10);
    static final int ROUNDS = Integer.getInteger("bench.gateway.rounds", 3);
    /**
     * Half-load rounds: a p99 of 10 s at half load rests on about a hundred requests, and nginx's own moved by 5 ms
     * from one round to the next; two rounds settled nothing.
     */
    static final int HALF_LOAD_ROUNDS = Integer.getInteger("bench.gateway.half-load-rounds", 3);
    /**
     * Unmeasured load on a path right before each measured run. A JVM that sat idle while the other paths ran
     * recompiles part of its hot code when load resumes (-XX:+PrintCompilation showed a burst of deoptimizations and
     * C2 compilations at the start of every gateway run, a second of CPU or more); steady state is what is compared.
     */
    static final int SETTLE_SECONDS = Integer.getInteger("bench.gateway.settle-seconds", 5);
    static final long CLOCK_TICKS = 100; // USER_HZ on Linux
    static final String BARE = "vertx-http-proxy alone";
    static NginxProxy nginx;
    static BareProxy bareProxy;

    @BeforeAll
    static void start() throws Exception {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    @AfterAll
    static void stop() {
        if (bareProxy != null) {
            bareProxy.process().destroy();
        }
        if (nginx != null) {
            nginx.close();
        }
    }

    /** One way to reach the service: its URL prefix, the credentials, and the processes that do the proxying. */
    record Way(String name, String base, List<String> headers, List<ProcessHandle> proxy) {
        Way(String name, String base, String header, String value, List<ProcessHandle> proxy) {
            this(name, base, List.of(header + ": " + value), proxy);
        }

        /** The headers as command-line options of wrk and hey. */
        List<String> headerOptions() {
            return headers.stream().flatMap(h -> Stream.of("-H", h)).toList();
        }
    }

    record Result(String path, String load, long requests, double seconds, double p50Ms, double p99Ms,
            double proxyCpuMs, double serviceCpuMs) {
        double throughput() {
            return requests / seconds;
        }

        double proxyCpuMicrosPerRequest() {
            return proxyCpuMs * 1000 / requests;
        }

        double serviceCpuMicrosPerRequest() {
            return serviceCpuMs * 1000 / requests;
        }
    }

    @Test
    void directVersusGatewayVersusNginx() throws Exception {
        Suite suite = Suite.get();
        int servicePort = suite.ports.get("applications-service");
        String token = suite.tokenFor("admin", "admin", null);
        nginx = NginxProxy.start("nginx", servicePort, token);
        bareProxy = startBareProxy(servicePort, "Bearer " + token, "bare-proxy");
        String callId = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(CallFlowThroughGatewayTest.callBody("AX-GW-" + UUID.randomUUID().toString().substring(0, 6)
                        .toUpperCase()).replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z"))
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
        String route = "/api/v1/calls/" + callId;
        ProcessHandle service = suite.processByService.get("applications-service").toHandle();
        ProcessHandle gateway = suite.processByService.get("gateway").toHandle();
        List<Way> paths = List.of(
                new Way("direct", "http://127.0.0.1:" + servicePort, "Authorization", "Bearer " + token, List.of()),
                new Way("gateway", suite.gatewayUrl(), "X-API-Key", "demo-admin", List.of(gateway)),
                new Way("nginx", nginx.url(), "X-Unused", "-", nginx.processes()),
                new Way(BARE, bareProxy.url(), "X-Unused", "-", List.of(bareProxy.process().toHandle())));

        // Warm-up until the JIT has compiled the hot paths of the JVMs (gateway and service): C2 needs tens of
        // thousands of requests; a few thousand left the gateway at several times its steady CPU per request.
        for (Way path : paths) {
            warmUp(path, route, service);
        }
        List<Result> results = new ArrayList<>();
        // Straight to the service with the headers the gateway adds: what the forwarded headers cost the service.
        Way forwarded = new Way("direct, gateway's headers", "http://127.0.0.1:" + servicePort, List.of(
                "Authorization: Bearer " + token, "X-Forwarded-For: 127.0.0.1", "X-Forwarded-Proto: http",
                "X-Forwarded-Host: 127.0.0.1:8080", "X-Request-Id: 4b7c2f9e-1d3a-4e8b-9c6f-2a5d7e1f3b80"), List.of());
        for (int round = 0; round < ROUNDS; round++) {
            for (Way path : paths) {
                saturate(path, route, SETTLE_SECONDS, service);
                results.add(saturate(path, route, SECONDS, service));
            }
            saturate(forwarded, route, SETTLE_SECONDS, service);
            results.add(saturate(forwarded, route, SECONDS, service));
        }
        double gatewayRate = results.stream().filter(r -> r.path().equals("gateway"))
                .mapToDouble(Result::throughput).average().orElseThrow();
        double half = gatewayRate / 2;
        for (int round = 0; round < HALF_LOAD_ROUNDS; round++) {
            for (Way path : paths) {
                paced(path, route, half, SETTLE_SECONDS, service);
                results.add(paced(path, route, half, SECONDS, service));
            }
        }
        write(results, half);
    }

    /** Saturates the path until its CPU per request is steady (see {@link #WARMUP_SECONDS}). */
    static void warmUp(Way path, String route, ProcessHandle service) throws Exception {
        double previous = Double.NaN;
        for (int window = 1; window <= WARMUP_MAX_WINDOWS; window++) {
            Result r = saturate(path, route, WARMUP_SECONDS, service);
            double cpu = path.proxy().isEmpty() ? r.serviceCpuMicrosPerRequest() : r.proxyCpuMicrosPerRequest();
            double change = Math.abs(cpu - previous) / previous;
            System.out.printf(Locale.ROOT, "bench: warm-up %s, window %d: %.0f µs of CPU per request%n", path.name(),
                    window, cpu);
            if (window >= WARMUP_MIN_WINDOWS && change < WARMUP_STEADY) {
                return;
            }
            previous = cpu;
        }
        System.out.printf(Locale.ROOT, "bench: warm-up %s not steady after %d windows; measuring anyway%n",
                path.name(), WARMUP_MAX_WINDOWS);
    }

    /**
     * Closed loop at saturation with wrk (Debian package; bin/bench installs it): a C load generator uses a fraction of
     * the CPU a JVM one does, and the three paths share the cores with it.
     */
    private static Result saturate(Way path, String route, int seconds, ProcessHandle service) throws Exception {
        double[] cpu0 = {cpuMillis(path.proxy()), cpuMillis(List.of(service))};
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + CONCURRENCY, "-d" + seconds + "s",
                "--latency"));
        command.addAll(path.headerOptions());
        command.add(path.base() + route);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        double proxyCpu = cpuMillis(path.proxy()) - cpu0[0];
        double serviceCpu = cpuMillis(List.of(service)) - cpu0[1];
        if (output.contains("Non-2xx") || output.contains("Socket errors")) {
            throw new IllegalStateException(path.name() + ": not every request succeeded:\n" + output);
        }
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("(\\d+) requests in ([\\d.]+)(ms|s|m)")
                .matcher(output);
        if (!total.find()) {
            throw new IllegalStateException("Unexpected wrk output: " + output);
        }
        double elapsed = Double.parseDouble(total.group(2)) * switch (total.group(3)) {
            case "ms" -> 0.001;
            case "m" -> 60;
            default -> 1;
        };
        Result result = new Result(path.name(), "saturation (" + CONCURRENCY + " connections)",
                Long.parseLong(total.group(1)), elapsed, wrkPercentile(output, "50%"), wrkPercentile(output, "99%"),
                proxyCpu, serviceCpu);
        System.out.printf(Locale.ROOT, "bench: %-8s %-26s %6.0f req/s  p50 %.2f ms  p99 %.2f ms%n", result.path(),
                result.load(), result.throughput(), result.p50Ms(), result.p99Ms());
        return result;
    }

    /** A line of wrk's latency distribution, e.g. {@code "     99%   12.34ms"}, in milliseconds. */
    static double wrkPercentile(String output, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s" + java.util.regex.Pattern.quote(label)
                + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("No " + label + " latency in wrk output: " + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /**
     * At a fixed rate with hey (Debian package): {@link #CONCURRENCY} workers, each throttled to its share of the
     * rate. A JVM generator could not keep even half the saturated rate on these two cores.
     */
    private static Result paced(Way path, String route, double rate, int seconds, ProcessHandle service)
            throws Exception {
        double[] cpu0 = {cpuMillis(path.proxy()), cpuMillis(List.of(service))};
        // -T: hey sends Content-Type text/html by default, which the service refuses (415).
        List<String> command = new ArrayList<>(List.of("hey", "-z", seconds + "s", "-T", "application/json", "-c",
                Integer.toString(CONCURRENCY), "-q", String.format(Locale.ROOT, "%.1f", rate / CONCURRENCY)));
        command.addAll(path.headerOptions());
        command.add(path.base() + route);
        Process hey = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(hey.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (hey.waitFor() != 0) {
            throw new IllegalStateException("hey failed: " + output);
        }
        double proxyCpu = cpuMillis(path.proxy()) - cpu0[0];
        double serviceCpu = cpuMillis(List.of(service)) - cpu0[1];
        // "Status code distribution" lines: [200] 18051 responses; anything but 200 (or an error) fails the run.
        java.util.regex.Matcher statuses = java.util.regex.Pattern.compile(
                "(?m)^\\s*\\[(\\d{3})\\]\\s+(\\d+) responses").matcher(output);
        long requests = 0;
        boolean other = output.contains("Error distribution");
        while (statuses.find()) {
            other |= !statuses.group(1).equals("200");
            requests += Long.parseLong(statuses.group(2));
        }
        if (other || requests == 0) {
            throw new IllegalStateException(path.name() + ": not every request succeeded:\n" + output);
        }
        Result result = new Result(path.name(), String.format(Locale.ROOT, "half load (%.0f req/s)", rate),
                requests, seconds, heyPercentile(output, "50%"), heyPercentile(output, "99%"), proxyCpu,
                serviceCpu);
        System.out.printf(Locale.ROOT, "bench: %-8s %-26s %6.0f req/s  p50 %.2f ms  p99 %.2f ms%n", result.path(),
                result.load(), result.throughput(), result.p50Ms(), result.p99Ms());
        return result;
    }

    /** A line of hey's latency distribution, e.g. {@code "  99%% in 0.0123 secs"}, in milliseconds. */
    static double heyPercentile(String output, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s" + java.util.regex.Pattern.quote(label)
                + " in ([\\d.]+) secs").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("No " + label + " latency in hey output: " + output);
        }
        return Double.parseDouble(m.group(1)) * 1000;
    }

    /** utime + stime of the processes, from /proc/<pid>/stat, in milliseconds. */
    static double cpuMillis(List<ProcessHandle> processes) {
        double total = 0;
        for (ProcessHandle p : processes) {
            try {
                String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / CLOCK_TICKS;
            } catch (IOException | RuntimeException e) {
                // the process is gone: counts nothing
            }
        }
        return total;
    }

    /**
     * One figure per round of a load (its paths ran back to back, so they share that moment's machine): the rounds
     * apart show how far the machine moved, which an average hides.
     */
    static String byRound(List<Result> results, String load, java.util.function.Function<Map<String, Result>, String>
            figure) {
        List<Map<String, Result>> rounds = new ArrayList<>();
        Map<String, Result> round = new java.util.HashMap<>();
        for (Result r : results) {
            if (!r.load().startsWith(load)) {
                continue;
            }
            if (round.containsKey(r.path())) {
                rounds.add(round);
                round = new java.util.HashMap<>();
            }
            round.put(r.path(), r);
        }
        if (!round.isEmpty()) {
            rounds.add(round);
        }
        return String.join(", ", rounds.stream().map(figure).toList());
    }

    /** {@link BareVertxProxy} running in its own JVM, and the port it listens on. */
    record BareProxy(Process process, int port) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /**
     * {@link BareVertxProxy} in its own JVM, with the gateway's heap, on this test's class path; it sets
     * {@code authorization} on every request, or passes the client's on when that is null.
     */
    static BareProxy startBareProxy(int servicePort, String authorization, String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of(System.getProperty("ax.root", "..")).resolve("system-tests/target/" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BareVertxProxy.class.getName(),
                Integer.toString(port), Integer.toString(servicePort))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (authorization != null) {
            builder.environment().put("AX_BENCH_AUTHORIZATION", authorization);
        }
        BareProxy proxy = new BareProxy(builder.start(), port);
        awaitListening(port, "the bare proxy", log);
        return proxy;
    }

    /** Waits up to 10 s until a proxy answers anything on its port (the service's readiness, through it). */
    static void awaitListening(int port, String proxy, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(proxy + " did not start; see " + log);
    }

    private static void write(List<Result> results, double half) throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Gateway overhead: GET /api/v1/calls/{id} on applications-service, "
                + "%d cores; saturation: wrk, %d connections, %d s per run after a warm-up per path until its CPU per "
                + "request moved less than 8%% between %d s windows, %d rounds "
                + "alternated; half load: hey, %d workers sharing the rate, %d s per run, %d rounds; every measured run"
                + " follows %d s of the same load on the same path, not measured%n%n",
                Runtime.getRuntime().availableProcessors(), CONCURRENCY, SECONDS, WARMUP_SECONDS, ROUNDS, CONCURRENCY,
                SECONDS, HALF_LOAD_ROUNDS, SETTLE_SECONDS));
        report.append("| path | load | throughput | p50 | p99 | proxy CPU/req | service CPU/req |\n");
        report.append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            report.append(String.format(Locale.ROOT, "| %s | %s | %.0f req/s | %.2f ms | %.2f ms | %.0f µs | %.0f µs |%n",
                    r.path(), r.load(), r.throughput(), r.p50Ms(), r.p99Ms(),
                    r.proxyCpuMicrosPerRequest(), r.serviceCpuMicrosPerRequest()));
        }
        Map<String, Double> saturated = new java.util.LinkedHashMap<>();
        Map<String, Double> halfP99 = new java.util.LinkedHashMap<>();
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        for (String p : List.of("direct", "gateway", "nginx", BARE)) {
            saturated.put(p, results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("saturation"))
                    .mapToDouble(Result::throughput).average().orElse(0));
            halfP99.put(p, results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("half"))
                    .mapToDouble(Result::p99Ms).average().orElse(0));
            cpu.put(p, results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("saturation"))
                    .mapToDouble(Result::proxyCpuMicrosPerRequest).average().orElse(0));
        }
        report.append(String.format(Locale.ROOT, "%nRatios (averages of the rounds): gateway/direct throughput %.2f, "
                + "nginx/direct %.2f, **gateway/nginx %.2f** (target ≥ 0.8); proxy CPU per request gateway %.0f µs, "
                + "nginx %.0f µs; p99 added at half load (%.0f req/s): gateway %+.2f ms, nginx %+.2f ms "
                + "(target ≤ 1.5 ms).%n",
                saturated.get("gateway") / saturated.get("direct"), saturated.get("nginx") / saturated.get("direct"),
                saturated.get("gateway") / saturated.get("nginx"), cpu.get("gateway"), cpu.get("nginx"), half,
                halfP99.get("gateway") - halfP99.get("direct"), halfP99.get("nginx") - halfP99.get("direct")));
        report.append(String.format(Locale.ROOT, "The library alone (%s, configured as nginx is): %.0f µs of CPU per "
                + "request, throughput %.2f of nginx's; the gateway %.2f of the library's. Gateway/nginx by round: %s; "
                + "p99 added at half load by round (gateway, nginx): %s.%n", BARE, cpu.get(BARE),
                saturated.get(BARE) / saturated.get("nginx"), saturated.get("gateway") / saturated.get(BARE),
                byRound(results, "saturation", r -> String.format(Locale.ROOT, "%.2f",
                        r.get("gateway").throughput() / r.get("nginx").throughput())),
                byRound(results, "half", r -> String.format(Locale.ROOT, "%+.2f/%+.2f ms",
                        r.get("gateway").p99Ms() - r.get("direct").p99Ms(),
                        r.get("nginx").p99Ms() - r.get("direct").p99Ms()))));
        Map<String, Double> serviceCpu = new java.util.LinkedHashMap<>();
        for (String p : List.of("direct", "direct, gateway's headers", "gateway", "nginx", BARE)) {
            serviceCpu.put(p, results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("saturation"))
                    .mapToDouble(Result::serviceCpuMicrosPerRequest).average().orElse(0));
        }
        report.append("Service CPU per request at saturation (averages): ");
        serviceCpu.forEach((p, us) -> report.append(String.format(Locale.ROOT, "%s %.0f µs; ", p, us)));
        report.append("\n");
        Path out = Path.of(System.getProperty("ax.root", "..")).resolve("system-tests/target/benchmarks/gateway.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n=== gateway overhead ===\n" + report);
    }
}
