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
import java.util.concurrent.CompletableFuture;
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
 * the gateway with the region's API key, through nginx passing the same token, and through Vert.x's reverse proxy alone
 * ({@link BareVertxProxy}, the library the gateway is built on, passing the same token: what the gateway's own layer
 * costs beyond it, and the JVM's HTTP stack beyond nginx): at saturation in runs that
 * alternate the paths, and at half of the gateway's saturated rate in runs where the paths take turns request by
 * request. A submit happens once per application, so every request takes its own draft,
 * created straight at the service before the run (not measured). The load generator is {@link LeanClient} (each
 * request has its own URL, which wrk and hey cannot send): Vert.x's client on one event loop. Results in
 * system-tests/target/benchmarks/gateway-submit.md.
 */
@Tag("benchmark")
class GatewaySubmitBenchmark {
    static final int CONCURRENCY = GatewayOverheadBenchmark.CONCURRENCY;
    static final String LIBRARY = GatewayOverheadBenchmark.BARE;
    static final int SECONDS = Integer.getInteger("bench.gateway.submit-seconds", 10);
    static final int ROUNDS = Integer.getInteger("bench.gateway.submit-rounds", 5);
    /** 0 with {@code bench.gateway.submit-half-rate} set: half load alone, at that rate (to study latency). */
    static final int SATURATION_ROUNDS = Integer.getInteger("bench.gateway.submit-saturation-rounds", ROUNDS);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.gateway.submit-warmup-seconds", 8);
    /**
     * Half-load rounds are long: the paths share each one, and a submit's p99 rests on the slowest 1% of a few
     * thousand requests.
     */
    static final int HALF_LOAD_SECONDS = Integer.getInteger("bench.gateway.submit-half-load-seconds", 30);
    static final int SETTLE_SECONDS = 3;
    /** The services together use about 50 ms of CPU a second when nothing is asked of them. */
    static final double QUIET_CPU_MILLIS_PER_SECOND = 150;
    static final List<String> REGIONS = FaultInjectionHarness.REGIONS;
    static NginxProxy nginx;
    static GatewayOverheadBenchmark.BareProxy library;

    /** For the drafts, made before each run (not measured). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** For the submits measured. */
    static LeanClient load;
    private final AtomicLong submitted = new AtomicLong();
    /**
     * At half load, per proxy path: its latency minus that of the direct request sent just before it, in ms. Their
     * median is what the path adds to a typical request, with the service's swings between rounds taken out.
     */
    private final Map<String, List<Double>> pairedAdded = new LinkedHashMap<>();
    /** This run's calls have codes starting with it: the database checks below look at them only. */
    private final String codePrefix = "AX-GS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";

    @BeforeAll
    static void start() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
        load = new LeanClient(4 * CONCURRENCY);
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (library != null) {
            library.process().destroy();
        }
        if (load != null) {
            load.close();
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
        library = GatewayOverheadBenchmark.startBareProxy(servicePort, null, "bare-proxy-submit");
        ProcessHandle service = suite.processByService.get("applications-service").toHandle();
        List<Way> ways = List.of(
                new Way("direct", direct, r -> new String[] {"Authorization", regionTokens.get(r)}, List.of()),
                new Way("gateway", suite.gatewayUrl(), r -> new String[] {"X-API-Key", "demo-region-" + r},
                        List.of(suite.processByService.get("gateway").toHandle())),
                new Way("nginx", nginx.url(), r -> new String[] {"Authorization", regionTokens.get(r)},
                        nginx.processes()),
                new Way(LIBRARY, library.url(), r -> new String[] {"Authorization", regionTokens.get(r)},
                        List.of(library.process().toHandle())));
        DraftSupply drafts = new DraftSupply(direct, admin, regionTokens);

        // The gateway's JIT first, on the cheap read of a call with a region's key: the same proxy path as a submit
        // (a request without a body, a region's identity, a JSON answer). Submits alone, a few hundred a second,
        // left it compiling through every round (its CPU per request fell from 900 to 300 µs and was still falling).
        String call = drafts.prepare(1).remove().call();
        GatewayOverheadBenchmark.warmUp(new GatewayOverheadBenchmark.Way("gateway", suite.gatewayUrl(), "X-API-Key",
                "demo-region-" + REGIONS.get(0), ways.get(1).proxy()), "/api/v1/calls/" + call, service);
        GatewayOverheadBenchmark.warmUp(new GatewayOverheadBenchmark.Way(LIBRARY, library.url(), "Authorization",
                regionTokens.get(REGIONS.get(0)), ways.get(3).proxy()), "/api/v1/calls/" + call, service);
        List<ProcessHandle> backends = FaultInjectionHarness.BACKENDS.stream()
                .map(b -> suite.processByService.get(b).toHandle()).toList();
        Quiet quiet = new Quiet(backends);
        Map<String, Double> rates = new HashMap<>();
        // Passes until the proxies' CPU per submit is steady (within a tenth of the pass before), at least two and at
        // most five: two were not always enough for the gateway (270 µs per submit in the first round, 130 after).
        Map<String, Double> cpuPerSubmit = new HashMap<>();
        boolean steady = false;
        for (int pass = 0; pass < 5 && !(pass >= 2 && steady); pass++) {
            steady = true;
            for (Way way : ways) {
                Result warm = saturate(way, WARMUP_SECONDS, drafts, rates, service, quiet);
                Double before = cpuPerSubmit.put(way.name(), warm.proxyCpuMicrosPerRequest());
                steady &= way.proxy().isEmpty() || before != null
                        && Math.abs(warm.proxyCpuMicrosPerRequest() - before) <= before / 10;
                System.out.printf(Locale.ROOT, "bench: submit warm-up %s: %.0f req/s, %.0f µs of proxy CPU per "
                        + "submit%n", way.name(), warm.throughput(), warm.proxyCpuMicrosPerRequest());
            }
        }
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < SATURATION_ROUNDS; round++) {
            // Each round in another order: no path always follows the same one.
            for (int i = 0; i < ways.size(); i++) {
                results.add(report(saturate(ways.get((i + round) % ways.size()), SECONDS, drafts, rates, service,
                        quiet)));
            }
        }
        double half = SATURATION_ROUNDS > 0 ? results.stream().filter(r -> r.path().equals("gateway"))
                .mapToDouble(Result::throughput).average().orElseThrow() / 2
                : Double.parseDouble(System.getProperty("bench.gateway.submit-half-rate"));
        // At half load the paths take turns request by request in the same runs: a submit's latency swings with what
        // the service and PostgreSQL are doing (a collection, a checkpoint), and so each such moment falls on all the
        // paths alike instead of on whichever path had the run.
        Map<String, List<Long>> halfLoadLatencies = new LinkedHashMap<>();
        paced(ways, half, SETTLE_SECONDS, drafts, service, quiet, false, new LinkedHashMap<>(), new StringBuilder());
        // Every half-load request (round, when it was sent, path, latency): which slow requests were slow on one path
        // only, and when.
        StringBuilder requests = new StringBuilder("round,sent_ms,path,latency_ms\n");
        for (int round = 0; round < ROUNDS; round++) {
            StringBuilder own = new StringBuilder();
            for (Result r : paced(ways, half, HALF_LOAD_SECONDS, drafts, service, quiet, true, halfLoadLatencies, own)) {
                results.add(report(r));
            }
            int number = round + 1;
            own.toString().lines().forEach(line -> requests.append(number).append(',').append(line).append('\n'));
        }
        Path csv = Path.of(System.getProperty("ax.root", "..")).resolve(
                "system-tests/target/benchmarks/gateway-submit-half-load.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, requests);
        // Every 202 is one application out of DRAFT: nothing was answered without being done, nothing twice.
        assertEquals(submitted.get(), applications("a.status <> 'DRAFT'"));
        write(results, half, halfLoadLatencies, pairedAdded, quiet);
    }

    /** Closed loop: {@link #CONCURRENCY} clients submit back to back for {@code seconds}. */
    private Result saturate(Way way, int seconds, DraftSupply drafts, Map<String, Double> rates,
            ProcessHandle service, Quiet quiet) throws Exception {
        // Drafts for the whole run, with room: a quarter again the path's best rate so far, or a first guess. Should
        // they run out all the same, the run ends there and counts the time it ran.
        Queue<Draft> queue = drafts.prepare((int) (rates.getOrDefault(way.name(), 100.0) * seconds * 1.25) + 100);
        awaitVerdicts();
        quiet.await();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        double[] cpu0 = {GatewayOverheadBenchmark.cpuMillis(way.proxy()),
                GatewayOverheadBenchmark.cpuMillis(List.of(service))};
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < CONCURRENCY; c++) {
            CompletableFuture<Void> client = new CompletableFuture<>();
            clients.add(client);
            submitInTurn(way, queue, end, latencies, client);
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (queue.isEmpty() && elapsed < seconds) {
            System.out.printf(Locale.ROOT, "bench: submit %s ran out of drafts after %.1f s%n", way.name(), elapsed);
        }
        Result result = result(way.name(), "saturation (" + CONCURRENCY + " clients)", latencies, elapsed,
                GatewayOverheadBenchmark.cpuMillis(way.proxy()) - cpu0[0],
                GatewayOverheadBenchmark.cpuMillis(List.of(service)) - cpu0[1]);
        rates.merge(way.name(), result.throughput(), Math::max);
        return result;
    }

    /** One closed-loop client: a submit, and when it is answered the next, until {@code end} or the drafts run out. */
    private void submitInTurn(Way way, Queue<Draft> queue, long end, List<Long> latencies,
            CompletableFuture<Void> done) {
        Draft draft = System.nanoTime() < end ? queue.poll() : null;
        if (draft == null) {
            done.complete(null);
            return;
        }
        submit(way, draft).whenComplete((nanos, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            latencies.add(nanos);
            submitInTurn(way, queue, end, latencies, done);
        });
    }

    /**
     * Open loop at {@code rate} submits a second in all, the paths taking turns request by request; one result per
     * path, whose latencies are also added to {@code pooled}. A proxy's CPU is what it used during the run over the
     * requests that went through it, so it includes its idle cost (the gateway's is about 7 ms a second); the
     * service's is over all requests.
     */
    private List<Result> paced(List<Way> ways, double rate, int seconds, DraftSupply drafts, ProcessHandle service,
            Quiet quiet, boolean measured, Map<String, List<Long>> pooled, StringBuilder requests) throws Exception {
        int total = (int) Math.round(rate * seconds);
        Queue<Draft> queue = drafts.prepare(total);
        awaitVerdicts();
        quiet.await();
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        Map<String, Double> proxyCpu0 = new HashMap<>();
        for (Way way : ways) {
            latencies.put(way.name(), Collections.synchronizedList(new ArrayList<>()));
            proxyCpu0.put(way.name(), GatewayOverheadBenchmark.cpuMillis(way.proxy()));
        }
        double serviceCpu0 = GatewayOverheadBenchmark.cpuMillis(List.of(service));
        List<CompletableFuture<long[]>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = start + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = n % ways.size();
            Way way = ways.get(index);
            Draft draft = queue.poll();
            long sent = System.nanoTime() - start;
            work.add(submit(way, draft).thenApply(nanos -> {
                latencies.get(way.name()).add(nanos);
                return new long[] {sent, index, nanos};
            }));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
        long directNanos = -1;
        for (CompletableFuture<long[]> done : work) {
            long[] r = done.join();
            Way way = ways.get((int) r[1]);
            requests.append(String.format(Locale.ROOT, "%.3f,%s,%.3f%n", r[0] / 1e6, way.name(), r[2] / 1e6));
            if (way.proxy().isEmpty()) {
                directNanos = r[2];
            } else if (directNanos >= 0 && measured) {
                pairedAdded.computeIfAbsent(way.name(), k -> new ArrayList<>()).add((r[2] - directNanos) / 1e6);
            }
        }
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        double serviceCpu = GatewayOverheadBenchmark.cpuMillis(List.of(service)) - serviceCpu0;
        List<Result> results = new ArrayList<>();
        for (Way way : ways) {
            List<Long> own = latencies.get(way.name());
            pooled.computeIfAbsent(way.name(), k -> new ArrayList<>()).addAll(own);
            results.add(result(way.name(), String.format(Locale.ROOT, "half load, interleaved (%.0f req/s in all)",
                    rate), own, elapsed, GatewayOverheadBenchmark.cpuMillis(way.proxy()) - proxyCpu0.get(way.name()),
                    serviceCpu * own.size() / total));
        }
        return results;
    }

    /**
     * Before each measured run, the machine back at rest: the services' tables vacuumed, PostgreSQL's dirty pages
     * written (a checkpoint), no autovacuum at work, and the services' CPU down to their idle level. Vacuuming here
     * matters where autovacuum is off (as on the CI machines): every submit leaves dead rows (the application, its
     * outbox event, the assessment), and without it each run found bloated tables and ran slower than the one before
     * (a path's rate fell from 536 to 260 submits a second over nine runs).
     */
    static final class Quiet {
        private static final List<String> DATABASES = FaultInjectionHarness.BACKENDS.stream()
                .map(b -> "ax_" + b.replace("-service", "") + "_e2e").toList();
        private final List<ProcessHandle> services;
        private int waits;
        private double waitedSeconds;

        Quiet(List<ProcessHandle> services) {
            this.services = services;
        }

        void await() throws Exception {
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(90);
            for (String database : DATABASES) {
                Psql.query(database, "VACUUM (ANALYZE)");
            }
            Psql.query("postgres", "CHECKPOINT");
            while (System.nanoTime() < deadline) {
                double cpu0 = GatewayOverheadBenchmark.cpuMillis(services);
                Thread.sleep(1000);
                double busy = GatewayOverheadBenchmark.cpuMillis(services) - cpu0;
                long vacuums = Psql.count("postgres",
                        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'");
                if (busy < QUIET_CPU_MILLIS_PER_SECOND && vacuums == 0) {
                    break;
                }
            }
            if (System.nanoTime() >= deadline) {
                System.out.println("bench: the services did not come to rest in 90 s; measuring all the same");
            }
            waits++;
            waitedSeconds += (System.nanoTime() - started) / 1e9;
        }

        double averageSeconds() {
            return waits == 0 ? 0 : waitedSeconds / waits;
        }
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
    /** A submit on {@code way}: its latency, once answered 202 (anything else fails the run). */
    private CompletableFuture<Long> submit(Way way, Draft draft) {
        String[] credential = way.credential().apply(draft.region());
        return load.post(way.base() + "/api/v1/applications/" + draft.id() + "/submit", credential[0], credential[1])
                .thenApply(answer -> {
                    if (answer.status() != 202) {
                        throw new IllegalStateException(way.name() + ": submit answered " + answer.status() + " "
                                + answer.body());
                    }
                    submitted.incrementAndGet();
                    return answer.nanos();
                });
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

    private static Result result(String path, String load, List<Long> latencies, double seconds, double proxyCpuMs,
            double serviceCpuMs) {
        List<Double> millis = millis(latencies);
        return new Result(path, load, millis.size(), seconds, SubmitBenchmark.percentile(millis, 0.5),
                SubmitBenchmark.percentile(millis, 0.99), proxyCpuMs, serviceCpuMs);
    }

    private static List<Double> millis(List<Long> nanos) {
        return nanos.stream().map(n -> n / 1e6).toList();
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

    private static void write(List<Result> results, double half, Map<String, List<Long>> halfLoadLatencies,
            Map<String, List<Double>> pairedAdded, Quiet quiet) throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Gateway overhead on the write path: POST /api/v1/applications/{id}"
                + "/submit on applications-service, %d cores; saturation: %d clients (Vert.x, one event loop), %d s "
                + "per run, %d rounds "
                + "alternated, each round in another order (%d s warm-ups per path first, until the proxies' CPU per "
                + "submit is steady); half load: %.0f submits a second, the four paths "
                + "taking turns request by request, %d s per round, %d rounds; every request on its own draft, made "
                + "before the run; before each run the services' databases vacuumed, a checkpoint and the services at "
                + "rest (%.1f s on average)%n%n",
                Runtime.getRuntime().availableProcessors(), CONCURRENCY, SECONDS, ROUNDS, WARMUP_SECONDS, half,
                HALF_LOAD_SECONDS, ROUNDS, quiet.averageSeconds()));
        report.append("| path | load | throughput | p50 | p99 | proxy CPU/req | service CPU/req |\n");
        report.append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            report.append(String.format(Locale.ROOT, "| %s | %s | %.0f req/s | %.2f ms | %.2f ms | %.0f µs | %.0f µs |%n",
                    r.path(), r.load(), r.throughput(), r.p50Ms(), r.p99Ms(), r.proxyCpuMicrosPerRequest(),
                    r.serviceCpuMicrosPerRequest()));
        }
        Map<String, double[]> by = new LinkedHashMap<>();
        for (String p : List.of("direct", "gateway", "nginx", LIBRARY)) {
            List<Double> pooled = millis(halfLoadLatencies.getOrDefault(p, List.of()));
            by.put(p, new double[] {
                results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("saturation"))
                        .mapToDouble(Result::throughput).average().orElse(0),
                pooled.isEmpty() ? 0 : SubmitBenchmark.percentile(pooled, 0.99),
                results.stream().filter(r -> r.path().equals(p) && r.load().startsWith("saturation"))
                        .mapToDouble(Result::proxyCpuMicrosPerRequest).average().orElse(0),
                pooled.size()});
        }
        List<Double> roundRatios = new ArrayList<>();
        String ratios = GatewayOverheadBenchmark.byRound(results, "saturation", r -> {
            double ratio = r.get("gateway").throughput() / r.get("nginx").throughput();
            roundRatios.add(ratio);
            return String.format(Locale.ROOT, "%.2f", ratio);
        });
        double medianRatio = SubmitBenchmark.percentile(roundRatios, 0.5);
        String libraryRatios = GatewayOverheadBenchmark.byRound(results, "saturation", r -> String.format(Locale.ROOT,
                "%.2f/%.2f", r.get(LIBRARY).throughput() / r.get("nginx").throughput(),
                r.get("gateway").throughput() / r.get(LIBRARY).throughput()));
        report.append(String.format(Locale.ROOT, "%nThroughput at saturation (averages of the rounds): gateway/direct "
                + "%.2f, nginx/direct %.2f, **gateway/nginx %.2f** (by round: %s; median %.2f); proxy CPU per request "
                + "gateway %.0f µs, nginx %.0f µs.%n%n"
                + "p99 at half load, all rounds pooled (%.0f, %.0f and %.0f requests): direct %.2f ms, gateway %.2f ms, "
                + "nginx %.2f ms; **added by the gateway %+.2f ms**, by nginx %+.2f ms. By round (gateway, nginx): "
                + "%s. Added to a typical request (median of each request's latency minus that of the direct one "
                + "sent just before it): gateway %+.2f ms, nginx %+.2f ms.%n",
                by.get("gateway")[0] / by.get("direct")[0], by.get("nginx")[0] / by.get("direct")[0],
                by.get("gateway")[0] / by.get("nginx")[0], ratios, medianRatio, by.get("gateway")[2],
                by.get("nginx")[2], by.get("direct")[3], by.get("gateway")[3], by.get("nginx")[3],
                by.get("direct")[1], by.get("gateway")[1], by.get("nginx")[1],
                by.get("gateway")[1] - by.get("direct")[1], by.get("nginx")[1] - by.get("direct")[1],
                GatewayOverheadBenchmark.byRound(results, "half", r -> String.format(Locale.ROOT, "%+.2f/%+.2f ms",
                        r.get("gateway").p99Ms() - r.get("direct").p99Ms(),
                        r.get("nginx").p99Ms() - r.get("direct").p99Ms())),
                SubmitBenchmark.percentile(pairedAdded.getOrDefault("gateway", List.of()), 0.5),
                SubmitBenchmark.percentile(pairedAdded.getOrDefault("nginx", List.of()), 0.5)));
        double[] lib = by.get(LIBRARY);
        report.append(String.format(Locale.ROOT, "%nThe library alone (%s): library/nginx throughput %.2f, "
                + "gateway/library %.2f (by round, library/nginx and gateway/library: %s); proxy CPU per request %.0f "
                + "µs; p99 at half load %.2f ms (%.0f requests), added %+.2f ms; added to a typical request %+.2f ms.%n",
                LIBRARY, lib[0] / by.get("nginx")[0], by.get("gateway")[0] / lib[0], libraryRatios, lib[2], lib[1],
                lib[3], lib[1] - by.get("direct")[1],
                SubmitBenchmark.percentile(pairedAdded.getOrDefault(LIBRARY, List.of()), 0.5)));
        Path out = Path.of(System.getProperty("ax.root", "..")).resolve(
                "system-tests/target/benchmarks/gateway-submit.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n=== gateway overhead, submit ===\n" + report);
    }
}
