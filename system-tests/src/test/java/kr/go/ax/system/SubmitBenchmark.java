package kr.go.ax.system;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The report's figures that no other benchmark measures, each beside its reference from the same run:
 * <ul>
 * <li>application create and submit through the gateway (throughput, p50, p99) beside pgbench one-row
 * transactions at the same concurrency;</li>
 * <li>the event latency from the submit's commit to the budget verdict's commit in budget-service (and to the
 * verdict applied back in applications-service), beside a Kafka produce-to-consume round trip measured with Kafka's
 * own EndToEndLatency tool on the same broker;</li>
 * <li>each service's start-up time (to ready) and RSS, beside an empty Quarkus REST application's.</li>
 * </ul>
 * Figures in system-tests/target/benchmarks/report.md.
 */
@Tag("benchmark")
class SubmitBenchmark {
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 1_700);
    /** Submissions sent one at a time, 200 ms apart, after the load: the event latency of an idle system. */
    static final int PACED = 170;
    static final List<String> REGIONS = FaultInjectionHarness.REGIONS;

    private final Path root = Path.of(System.getProperty("ax.root", "..")).toAbsolutePath().normalize();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder report = new StringBuilder();

    @BeforeAll
    static void startSuite() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    @Test
    void submitEventLatencyAndStartUpBesideTheirReferences() throws Exception {
        Suite suite = Suite.get();
        line("Machine: %d cores, %s; everything on this machine.%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        // Calls open to every region: one draft per (region, call), as the rules allow.
        List<String> calls = new ArrayList<>();
        for (int c = 0; c < (SUBMISSIONS + PACED + REGIONS.size() - 1) / REGIONS.size(); c++) {
            String id = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                    .body(CallFlowThroughGatewayTest.callBody("AX-S-" + UUID.randomUUID().toString().substring(0, 8)
                            .toUpperCase()).replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z")
                            .replaceAll("\"excludedRegions\": \\[[^\\]]*\\]", "\"excludedRegions\": []"))
                    .post("/api/v1/calls").then().statusCode(201).extract().path("id");
            given().header("X-API-Key", "demo-admin").post("/api/v1/calls/" + id + "/open").then().statusCode(200);
            calls.add(id);
        }
        String[] ids = new String[SUBMISSIONS];
        Load create = load("create (POST /api/v1/applications)", SUBMISSIONS, n -> {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl()
                    + "/api/v1/applications")).header("X-API-Key", "demo-region-" + REGIONS.get(n % REGIONS.size()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            CallFlowThroughGatewayTest.applicationBody(calls.get(n / REGIONS.size())))), 201);
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            m.find();
            ids[n] = m.group(1);
        });
        Load submit = load("submit (POST /api/v1/applications/{id}/submit)", SUBMISSIONS, n -> send(HttpRequest
                .newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/applications/" + ids[n] + "/submit"))
                .header("X-API-Key", "demo-region-" + REGIONS.get(n % REGIONS.size()))
                .POST(HttpRequest.BodyPublishers.noBody()), 202));
        double pgbench = pgbenchOneRowTps();
        line("| measurement | requests | throughput /s | p50 | p99 |");
        line("|---|---|---|---|---|");
        for (Load l : List.of(create, submit)) {
            line("| %s, %d clients, via gateway | %d | %.0f | %.1f ms | %.1f ms |", l.name(), CONCURRENCY,
                    l.count(), l.throughput(), l.percentile(0.5), l.percentile(0.99));
        }
        line("| pgbench: one-row INSERT transactions, %d clients, 10 s | | %.0f | | |", CONCURRENCY, pgbench);
        line("%nRatio submit / pgbench one-row transactions: **%.3f**; create: %.3f.%n",
                submit.throughput() / pgbench, create.throughput() / pgbench);

        // The verdicts of the load drain first, then a paced trickle measures the latency without a queue.
        awaitVerdicts(calls);
        List<String> paced = new ArrayList<>();
        for (int n = SUBMISSIONS; n < SUBMISSIONS + PACED; n++) {
            String key = "demo-region-" + REGIONS.get(n % REGIONS.size());
            String id = given().header("X-API-Key", key).contentType(ContentType.JSON)
                    .body(CallFlowThroughGatewayTest.applicationBody(calls.get(n / REGIONS.size())))
                    .post("/api/v1/applications").then().statusCode(201).extract().path("id");
            given().header("X-API-Key", key).post("/api/v1/applications/" + id + "/submit").then().statusCode(202);
            paced.add(id);
            Thread.sleep(200);
        }
        eventLatency(calls, List.of(ids), paced);
        startUpAndMemory(suite);

        Path out = root.resolve("system-tests/target/benchmarks/report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n=== report ===\n" + report);
    }

    private static void awaitVerdicts(List<String> calls) throws Exception {
        String inCalls = "('" + String.join("','", calls) + "')";
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && Psql.count("ax_applications_e2e", "SELECT count(*) FROM application"
                + " WHERE status = 'SUBMITTED' AND call_id IN " + inCalls) > 0) {
            Thread.sleep(1_000);
        }
    }

    /** From the submit's transition (committed with it) to the verdict in budget-service and back. */
    private void eventLatency(List<String> calls, List<String> loaded, List<String> paced) throws Exception {
        awaitVerdicts(calls);
        String inCalls = "('" + String.join("','", calls) + "')";
        Map<String, Instant> submittedAt = times("applications", "SELECT t.application_id, t.at FROM "
                + "application_transition t JOIN application a ON a.id = t.application_id WHERE t.to_status = "
                + "'SUBMITTED' AND a.call_id IN " + inCalls);
        Map<String, Instant> assessedAt = times("budget", "SELECT application_id, assessed_at FROM budget_assessment"
                + " WHERE call_id IN " + inCalls);
        Map<String, Instant> appliedAt = times("applications", "SELECT t.application_id, t.at FROM "
                + "application_transition t JOIN application a ON a.id = t.application_id WHERE t.from_status = "
                + "'SUBMITTED' AND a.call_id IN " + inCalls);
        line("| event latency | events | p50 | p99 |");
        line("|---|---|---|---|");
        double pacedP50 = 0;
        for (var group : List.of(Map.entry("paced, one submit every 200 ms (no queue)", paced),
                Map.entry("during the load above (" + CONCURRENCY + " clients: mostly queueing)", loaded))) {
            List<Double> toVerdict = new ArrayList<>();
            List<Double> toApplied = new ArrayList<>();
            for (String id : group.getValue()) {
                Instant at = submittedAt.get(id);
                if (at != null && assessedAt.containsKey(id)) {
                    toVerdict.add(Duration.between(at, assessedAt.get(id)).toNanos() / 1e6);
                }
                if (at != null && appliedAt.containsKey(id)) {
                    toApplied.add(Duration.between(at, appliedAt.get(id)).toNanos() / 1e6);
                }
            }
            if (pacedP50 == 0) {
                pacedP50 = percentile(toVerdict, 0.5);
            }
            line("| %s: submit commit -> budget verdict commit | %d | %.1f ms | %.1f ms |", group.getKey(),
                    toVerdict.size(), percentile(toVerdict, 0.5), percentile(toVerdict, 0.99));
            line("| %s: submit commit -> verdict applied in applications-service | %d | %.1f ms | %.1f ms |",
                    group.getKey(), toApplied.size(), percentile(toApplied, 0.5), percentile(toApplied, 0.99));
        }
        double[] kafka = kafkaRoundTrip();
        line("| Kafka produce -> consume round trip (EndToEndLatency, acks=all, 1,000 x 500 B) | 1000 | %.1f ms |"
                + " %.1f ms |", kafka[0], kafka[1]);
        line("%nRatio event latency p50 (paced, to the verdict) / Kafka round trip p50: **%.1f**.%n",
                pacedP50 / kafka[0]);
    }

    private void startUpAndMemory(Suite suite) throws Exception {
        line("| process | ready after (all four started together) | RSS now |");
        line("|---|---|---|");
        for (var e : suite.processByService.entrySet()) {
            line("| %s | %.1f s | %d MB |", e.getKey(), suite.readyAfter.get(e.getKey()).toMillis() / 1000.0,
                    rssMegabytes(e.getValue().pid()));
        }
        // The reference: an empty Quarkus REST application, started alone, time to its first answer.
        Path jar = root.resolve("reference-app/target/quarkus-app/quarkus-run.jar");
        int port = 18090;
        long t0 = System.nanoTime();
        Process reference = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(root.resolve("system-tests/target/e2e/reference-app.log").toFile()).start();
        try {
            double seconds = -1;
            while (System.nanoTime() - t0 < Duration.ofSeconds(60).toNanos()) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        seconds = (System.nanoTime() - t0) / 1e9;
                        break;
                    }
                } catch (java.io.IOException e) {
                    Thread.sleep(20);
                }
            }
            Thread.sleep(2_000);
            line("| empty Quarkus REST application (reference, started alone) | %.1f s | %d MB |", seconds,
                    rssMegabytes(reference.pid()));
        } finally {
            reference.destroy();
            reference.waitFor(10, TimeUnit.SECONDS);
        }
        line("%nThe services were started together, sharing two cores with each other and the broker; the reference"
                + " alone. Each service also waits for its database (Flyway) and the broker before it is ready.");
    }

    private static long rssMegabytes(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Kafka's EndToEndLatency tool, from the broker's own classpath: p50 and p99 in ms. */
    private double[] kafkaRoundTrip() throws Exception {
        String classpath = Files.readString(root.resolve(".run/kafka/classpath.txt")).trim();
        Path log = Files.createTempFile("e2e-latency", ".log");
        Process tool = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", classpath,
                "org.apache.kafka.tools.EndToEndLatency", "127.0.0.1:9092", "bench.e2e-latency", "1000", "all", "500")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        tool.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(log);
        Matcher p = Pattern.compile("50th = ([\\d.]+), 99th = ([\\d.]+)").matcher(output);
        if (!p.find()) {
            throw new IllegalStateException("EndToEndLatency: " + output);
        }
        return new double[] {Double.parseDouble(p.group(1)), Double.parseDouble(p.group(2))};
    }

    private static Map<String, Instant> times(String service, String sql) throws Exception {
        Map<String, Instant> times = new HashMap<>();
        for (String row : Psql.query("ax_" + service + "_e2e", "SELECT x.id, to_char(x.at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM (" + sql + ") x(id, at)")) {
            String[] cols = row.split("\\|");
            times.put(cols[0], Instant.parse(cols[1]));
        }
        return times;
    }

    private double pgbenchOneRowTps() throws Exception {
        Psql.query("ax_applications_e2e", "DROP TABLE IF EXISTS bench_tx; CREATE TABLE bench_tx "
                + "(id uuid PRIMARY KEY, application_id uuid, status text, at timestamptz)");
        Path script = Files.createTempFile("pgbench-tx", ".sql");
        Files.writeString(script, "INSERT INTO bench_tx VALUES (gen_random_uuid(), gen_random_uuid(), 'SUBMITTED',"
                + " now());\n");
        Process pgbench = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-c",
                Integer.toString(CONCURRENCY), "-j", "2", "-T", "10", "-f", script.toString(), "ax_applications_e2e")
                .redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgbench.waitFor(60, TimeUnit.SECONDS);
        Psql.query("ax_applications_e2e", "DROP TABLE bench_tx");
        Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    interface Step {
        void run(int n) throws Exception;
    }

    record Load(String name, int count, double seconds, List<Double> latenciesMillis) {
        double throughput() {
            return count / seconds;
        }

        double percentile(double p) {
            return SubmitBenchmark.percentile(latenciesMillis, p);
        }
    }

    private Load load(String name, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            work.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    step.run(n);
                    latencies.add((System.nanoTime() - s) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        Load load = new Load(name, count, (System.nanoTime() - t0) / 1e9, latencies);
        System.out.printf(Locale.ROOT, "bench: %s: %.0f/s%n", name, load.throughput());
        return load;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
