package kr.go.ax.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.go.ax.system.GatewayOverheadBenchmark.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the gateway costs on the write path: {@code POST /api/v1/applications/{id}/submit} (a transaction with its
 * outbox event; budget-service assesses it from Kafka) direct to applications-service with a region's token, through
 * the gateway with the region's API key, and through nginx passing the same token — alternating, at saturation and at
 * half of the gateway's saturated rate. A submit happens once per application, so every request takes its own draft,
 * created straight at the service before the run (not measured). The load generator is Java (each request has its own
 * URL); at a few hundred submits a second its CPU is small beside the service's. Results in
 * system-tests/target/benchmarks/gateway-submit.md.
 */
@Tag("benchmark")
class GatewaySubmitBenchmark {
    static final int CONCURRENCY = GatewayOverheadBenchmark.CONCURRENCY;
    static final int SECONDS = Integer.getInteger("bench.gateway.submit-seconds", 8);
    static final int ROUNDS = Integer.getInteger("bench.gateway.submit-rounds", 3);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.gateway.submit-warmup-seconds", 10);
    /**
     * Half-load runs are longer: a submit's p99 moved by up to 15 ms between 8 s runs of the same path, where it rested
     * on about 16 requests.
     */
    static final int HALF_LOAD_SECONDS = Integer.getInteger("bench.gateway.submit-half-load-seconds", 20);
    static final int SETTLE_SECONDS = 3;
    static final List<String> REGIONS = FaultInjectionHarness.REGIONS;
    static NginxProxy nginx;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong submitted = new AtomicLong();
    /** This run's calls have codes starting with it: the database checks below look at them only. */
    private final String codePrefix = "AX-GS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";

    @BeforeAll
    static void start() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    /** One way to the service; {@code credential} gives the header (name, value) a region's request carries. */
    record Way(String name, String base, java.util.function.Function<String, String[]> credential,
            List<ProcessHandle> proxy) {
    }

    /** An application in DRAFT, the region that owns it and the call it applies to. */
    record Draft(String id, String region, String call) {
    }

    @Test
    void submitDirectVersusGatewayVersusNginx() throws Exception {
        Suite suite = Suite.get();
        int servicePort = suite.ports.get("applications-service");
        String direct = "http://127.0.0.1:" + servicePort;
        String admin = "Bearer " + suite.tokenFor("admin", "admin", null);
        Map<String, String> regionTokens = new HashMap<>();
        for (String region : REGIONS) {
            regionTokens.put(region, "Bearer " + suite.tokenFor("region-" + region, "region", region));
        }
        nginx = NginxProxy.start("nginx-submit", servicePort, null);
        ProcessHandle service = suite.processByService.get("applications-service").toHandle();
        List<Way> ways = List.of(
                new Way("direct", direct, r -> new String[] {"Authorization", regionTokens.get(r)}, List.of()),
                new Way("gateway", suite.gatewayUrl(), r -> new String[] {"X-API-Key", "demo-region-" + r},
                        List.of(suite.processByService.get("gateway").toHandle())),
                new Way("nginx", nginx.url(), r -> new String[] {"Authorization", regionTokens.get(r)},
                        nginx.processes()));
        DraftSupply drafts = new DraftSupply(direct, admin, regionTokens);

        // The gateway's JIT first, on the cheap read of a call with a region's key: the same proxy path as a submit
        // (a request without a body, a region's identity, a JSON answer). Submits alone, a few hundred a second,
        // left it compiling through every round (its CPU per request fell from 900 to 300 µs and was still falling).
        String call = drafts.prepare(1).remove().call();
        GatewayOverheadBenchmark.warmUp(new GatewayOverheadBenchmark.Way("gateway", suite.gatewayUrl(), "X-API-Key",
                "demo-region-" + REGIONS.get(0), ways.get(1).proxy()), "/api/v1/calls/" + call, service);
        Map<String, Double> rates = new HashMap<>();
        // Two passes: the submit path's code is compiled in the service and the gateway by the end of the first.
        for (int pass = 0; pass < 2; pass++) {
            for (Way way : ways) {
                Result warm = saturate(way, WARMUP_SECONDS, drafts, rates, service);
                System.out.printf(Locale.ROOT, "bench: submit warm-up %s: %.0f req/s%n", way.name(),
                        warm.throughput());
            }
        }
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Way way : ways) {
                saturate(way, SETTLE_SECONDS, drafts, rates, service);
                results.add(report(saturate(way, SECONDS, drafts, rates, service)));
            }
        }
        double half = results.stream().filter(r -> r.path().equals("gateway")).mapToDouble(Result::throughput)
                .average().orElseThrow() / 2;
        for (int round = 0; round < ROUNDS; round++) {
            for (Way way : ways) {
                paced(way, half, SETTLE_SECONDS, drafts, service);
                results.add(report(paced(way, half, HALF_LOAD_SECONDS, drafts, service)));
            }
        }
        // Every 202 is one application out of DRAFT: nothing was answered without being done, nothing twice.
        assertEquals(submitted.get(), applications("a.status <> 'DRAFT'"));
        write(results, half);
    }

    /** Closed loop: {@link #CONCURRENCY} clients submit back to back for {@code seconds}. */
    private Result saturate(Way way, int seconds, DraftSupply drafts, Map<String, Double> rates,
            ProcessHandle service) throws Exception {
        // Drafts for the whole run, with room: half again the path's best rate so far, or a first guess. Should they
        // run out all the same, the run ends there and counts the time it ran.
        Queue<Draft> queue = drafts.prepare((int) (rates.getOrDefault(way.name(), 100.0) * seconds * 1.5) + 100);
        awaitVerdicts();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        double[] cpu0 = {GatewayOverheadBenchmark.cpuMillis(way.proxy()),
                GatewayOverheadBenchmark.cpuMillis(List.of(service))};
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CONCURRENCY; c++) {
            work.add(clients.submit(() -> {
                Draft draft;
                while (System.nanoTime() < end && (draft = queue.poll()) != null) {
                    latencies.add(submit(way, draft));
                }
                return null;
            }));
        }
        awaitAll(clients, work);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (queue.isEmpty() && elapsed < seconds) {
            System.out.printf(Locale.ROOT, "bench: submit %s ran out of drafts after %.1f s%n", way.name(), elapsed);
        }
        Result result = result(way, "saturation (" + CONCURRENCY + " clients)", latencies, elapsed, cpu0, service);
        rates.merge(way.name(), result.throughput(), Math::max);
        return result;
    }

    /** Open loop at {@code rate}: one submit every 1/rate seconds, on as many threads as are in flight. */
    private Result paced(Way way, double rate, int seconds, DraftSupply drafts, ProcessHandle service)
            throws Exception {
        int total = (int) Math.round(rate * seconds);
        Queue<Draft> queue = drafts.prepare(total);
        awaitVerdicts();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        double[] cpu0 = {GatewayOverheadBenchmark.cpuMillis(way.proxy()),
                GatewayOverheadBenchmark.cpuMillis(List.of(service))};
        ExecutorService senders = Executors.newCachedThreadPool();
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = start + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Draft draft = queue.poll();
            work.add(senders.submit(() -> latencies.add(submit(way, draft))));
        }
        awaitAll(senders, work);
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        return result(way, String.format(Locale.ROOT, "half load (%.0f req/s)", rate), latencies, elapsed, cpu0,
                service);
    }

    /**
     * Waits until budget-service has assessed every submission so far. Otherwise each run would share the cores with
     * the assessments of the run before it, and the path measured after the fastest one would pay for its backlog.
     */
    private void awaitVerdicts() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (applications("a.status = 'SUBMITTED'") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Submissions still unassessed after 3 minutes");
            }
            Thread.sleep(250);
        }
    }

    /** This run's applications that match {@code condition} (on {@code a}, the application). */
    private long applications(String condition) throws Exception {
        return Psql.count("ax_applications_e2e", "SELECT count(*) FROM application a JOIN programme_call c"
                + " ON c.id = a.call_id WHERE c.code LIKE '" + codePrefix + "%' AND " + condition);
    }

    /** One submit; anything but 202 stops the run. Returns its latency in nanoseconds. */
    private long submit(Way way, Draft draft) throws IOException, InterruptedException {
        String[] credential = way.credential().apply(draft.region());
        HttpRequest request = HttpRequest.newBuilder(URI.create(way.base() + "/api/v1/applications/" + draft.id()
                + "/submit")).header(credential[0], credential[1]).POST(HttpRequest.BodyPublishers.noBody()).build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t0;
        if (response.statusCode() != 202) {
            throw new IllegalStateException(way.name() + ": submit answered " + response.statusCode() + " "
                    + response.body());
        }
        submitted.incrementAndGet();
        return nanos;
    }

    private static void awaitAll(ExecutorService pool, List<Future<?>> work) throws Exception {
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result result(Way way, String load, List<Long> latencies, double seconds, double[] cpu0,
            ProcessHandle service) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(way.name(), load, sorted.size(), seconds, percentile(sorted, 0.5),
                percentile(sorted, 0.99), GatewayOverheadBenchmark.cpuMillis(way.proxy()) - cpu0[0],
                GatewayOverheadBenchmark.cpuMillis(List.of(service)) - cpu0[1]);
    }

    private static double percentile(List<Long> sortedNanos, double p) {
        return sortedNanos.get((int) Math.min(sortedNanos.size() - 1, Math.ceil(p * sortedNanos.size()) - 1)) / 1e6;
    }

    private static Result report(Result r) {
        System.out.printf(Locale.ROOT, "bench: submit %-8s %-24s %6.0f req/s  p50 %.2f ms  p99 %.2f ms%n", r.path(),
                r.load(), r.throughput(), r.p50Ms(), r.p99Ms());
        return r;
    }

    /**
     * Drafts made straight at the service, one per (region, call) as the rules allow: calls open to every region are
     * created as the regions run out of calls to apply to.
     */
    private final class DraftSupply {
        private final String base;
        private final String admin;
        private final Map<String, String> regionTokens;
        private final Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        private String call;
        private int region = REGIONS.size();
        private int callNumber;

        DraftSupply(String base, String admin, Map<String, String> regionTokens) {
            this.base = base;
            this.admin = admin;
            this.regionTokens = regionTokens;
        }

        Queue<Draft> prepare(int count) throws Exception {
            Queue<Draft> drafts = new ConcurrentLinkedQueue<>();
            ExecutorService creators = Executors.newFixedThreadPool(CONCURRENCY);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CONCURRENCY; c++) {
                int share = count / CONCURRENCY + (c < count % CONCURRENCY ? 1 : 0);
                work.add(creators.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        String[] slot = nextSlot();
                        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/applications")).header("Authorization", regionTokens.get(slot[1]))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                                        .ofString(CallFlowThroughGatewayTest.applicationBody(slot[0]))), 201);
                        drafts.add(new Draft(idOf(created), slot[1], slot[0]));
                    }
                    return null;
                }));
            }
            awaitAll(creators, work);
            return drafts;
        }

        /** The next unused (call, region): a new open call once every region has applied to the current one. */
        private synchronized String[] nextSlot() throws IOException, InterruptedException {
            if (region == REGIONS.size()) {
                String body = CallFlowThroughGatewayTest.callBody(codePrefix + ++callNumber)
                        .replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z")
                        .replaceAll("\"excludedRegions\": \\[[^\\]]*\\]", "\"excludedRegions\": []");
                call = idOf(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/calls"))
                        .header("Authorization", admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)), 201));
                send(HttpRequest.newBuilder(URI.create(base + "/api/v1/calls/" + call + "/open"))
                        .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()), 200);
                region = 0;
            }
            return new String[] {call, REGIONS.get(region++)};
        }

        private HttpResponse<String> send(HttpRequest.Builder request, int expected)
                throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Preparing drafts: " + response.statusCode() + " " + response.body());
            }
            return response;
        }

        private String idOf(HttpResponse<String> response) {
            Matcher m = id.matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("No id in " + response.body());
            }
            return m.group(1);
        }
    }

    private static void write(List<Result> results, double half) throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Gateway overhead on the write path: POST /api/v1/applications/{id}"
                + "/submit on applications-service, %d cores; saturation: %d Java clients, %d s per run, %d rounds "
                + "alternated, each after %d s unmeasured (and two %d s warm-ups per path first); half load: one submit "
                + "every 1/%.0f s, %d s per run, %d rounds; every request on its own draft, made before the run%n%n",
                Runtime.getRuntime().availableProcessors(), CONCURRENCY, SECONDS, ROUNDS, SETTLE_SECONDS,
                WARMUP_SECONDS, half, HALF_LOAD_SECONDS, ROUNDS));
        report.append("| path | load | throughput | p50 | p99 | proxy CPU/req | service CPU/req |\n");
        report.append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            report.append(String.format(Locale.ROOT, "| %s | %s | %.0f req/s | %.2f ms | %.2f ms | %.0f µs | %.0f µs |%n",
                    r.path(), r.load(), r.throughput(), r.p50Ms(), r.p99Ms(), r.proxyCpuMicrosPerRequest(),
                    r.serviceCpuMicrosPerRequest()));
        }
        Map<String, double[]> by = new LinkedHashMap<>();
        for (String p : List.of("direct", "gateway", "nginx")) {
            by.put(p, new double[] {
                results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("saturation"))
                        .mapToDouble(Result::throughput).average().orElse(0),
                results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("half"))
                        .mapToDouble(Result::p99Ms).average().orElse(0),
                results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("saturation"))
                        .mapToDouble(Result::proxyCpuMicrosPerRequest).average().orElse(0)});
        }
        report.append(String.format(Locale.ROOT, "%nRatios (averages of the rounds): gateway/direct throughput %.2f, "
                + "nginx/direct %.2f, **gateway/nginx %.2f**; proxy CPU per request gateway %.0f µs, nginx %.0f µs; "
                + "p99 added at half load (%.0f req/s): gateway %+.2f ms, nginx %+.2f ms. Gateway/nginx by round: %s; "
                + "p99 added at half load by round (gateway, nginx): %s.%n",
                by.get("gateway")[0] / by.get("direct")[0], by.get("nginx")[0] / by.get("direct")[0],
                by.get("gateway")[0] / by.get("nginx")[0], by.get("gateway")[2], by.get("nginx")[2], half,
                by.get("gateway")[1] - by.get("direct")[1], by.get("nginx")[1] - by.get("direct")[1],
                GatewayOverheadBenchmark.byRound(results, "saturation", r -> String.format(Locale.ROOT, "%.2f",
                        r.get("gateway").throughput() / r.get("nginx").throughput())),
                GatewayOverheadBenchmark.byRound(results, "half", r -> String.format(Locale.ROOT, "%+.2f/%+.2f ms",
                        r.get("gateway").p99Ms() - r.get("direct").p99Ms(),
                        r.get("nginx").p99Ms() - r.get("direct").p99Ms()))));
        Path out = Path.of(System.getProperty("ax.root", "..")).resolve(
                "system-tests/target/benchmarks/gateway-submit.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n=== gateway overhead, submit ===\n" + report);
    }
}
