package kr.go.ax.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulk progress ingest through the gateway (10,000 NDJSON lines, one request, as a region's system sends them) beside
 * its physical reference measured in the same run: pgbench inserting batches of 500 rows of the same width into the
 * same PostgreSQL, one client (the bulk request is one stream). bin/bench runs it; figures in
 * system-tests/target/benchmarks/progress.md.
 */
@Tag("benchmark")
class ProgressBenchmark {
    static final int LINES = 10_000;
    static final int PGBENCH_BATCH = 500;
    static final int WARMUP_UPLOADS = Integer.getInteger("bench.progress.warmup-uploads", 6);

    @BeforeAll
    static void startSuite() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    /** Every period of 2026 that has begun: the months and quarters (the call funds 2026 and 2027). */
    static List<String[]> periods() {
        List<String[]> periods = new ArrayList<>(); // {period, value of the cumulative counters}
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int m = 1; m <= 12 && !YearMonth.of(2026, m).isAfter(now); m++) {
            periods.add(new String[] {String.format("2026-%02d", m), Integer.toString(m)});
        }
        for (int q = 1; q <= 4 && !YearMonth.of(2026, q * 3 - 2).isAfter(now); q++) {
            periods.add(new String[] {"2026-Q" + q, Integer.toString(q * 3)}); // as the month it ends with
        }
        return periods;
    }

    @Test
    void bulkProgressIngestAgainstBatchedInserts() throws Exception {
        List<String[]> periods = periods();
        int applications = (LINES + periods.size() - 1) / periods.size();
        List<String> ids = selectedApplications(applications);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "Bulk progress ingest, %d cores: %d"
                + " lines (%d applications x %d periods) in one NDJSON request through the gateway, one client%n%n"
                + "| measurement | records | time | records/s |%n|---|---|---|---|%n",
                Runtime.getRuntime().availableProcessors(), LINES, applications, periods.size()));
        Suite suite = Suite.get();
        String direct = "http://127.0.0.1:" + suite.ports.get("applications-service");
        String regionToken = "Bearer " + suite.tokenFor("region-KR-26", "region", "KR-26");
        // The later rounds run on JVMs whose JIT has finished compiling (the first rounds share the two cores with it).
        String[] rounds = {"new reports (ACCEPTED)", "the same again (UNCHANGED)", "every figure changed (ACCEPTED)",
            "every figure changed again (ACCEPTED), direct to the service", "changed again (ACCEPTED), warm",
            "changed again (ACCEPTED), direct to the service, warm", "the same again (UNCHANGED), warm"};
        double[] ingest = new double[rounds.length];
        // Where the cores went during each upload: the request's own work and what its events set off meanwhile.
        java.util.Set<String> processes = cpuMillisByProcess(suite).keySet();
        StringBuilder cpu = new StringBuilder("| round | upload took | " + String.join(" | ", processes)
                + " |\n|---|---|" + "---|".repeat(processes.size()) + "\n");
        // What each round adds to every counter: cumulative figures rise by less than the 10 between two months.
        int[] adds = {0, 0, 1, 2, 3 + WARMUP_UPLOADS, 4 + WARMUP_UPLOADS, 4 + WARMUP_UPLOADS};
        for (int round = 0; round < rounds.length; round++) {
            if (round == 4) {
                // Before the warm rounds, unmeasured uploads until the JIT has compiled the upload's path (in the
                // earlier rounds C2 took a third of applications-service's CPU).
                for (int w = 0; w < WARMUP_UPLOADS; w++) {
                    awaitQuiet();
                    given().header("X-API-Key", "demo-region-KR-26").contentType("application/x-ndjson")
                            .body(ndjson(ids, periods, 3 + w)).post("/api/v1/progress-reports").then()
                            .statusCode(200).body("accepted", equalTo(LINES));
                    System.out.printf("bench: progress warm-up upload %d/%d%n", w + 1, WARMUP_UPLOADS);
                }
            }
            boolean unchanged = round == 1 || round == 6;
            byte[] body = ndjson(ids, periods, adds[round]);
            var request = round == 3 || round == 5
                    ? given().baseUri(direct).header("Authorization", regionToken)
                    : given().header("X-API-Key", "demo-region-KR-26");
            awaitQuiet(); // the previous round's events are published and consumed: each round starts alike
            Map<String, Double> cpu0 = cpuMillisByProcess(suite);
            long t0 = System.nanoTime();
            request.contentType("application/x-ndjson").body(body).post("/api/v1/progress-reports").then()
                    .statusCode(200).body(unchanged ? "unchanged" : "accepted", equalTo(LINES));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> cpu1 = cpuMillisByProcess(suite);
            cpu.append(String.format(Locale.ROOT, "| round %d | %.2f s |", round + 1, seconds));
            cpu1.forEach((name, ms) -> cpu.append(String.format(Locale.ROOT, " %.2f |", (ms - cpu0.get(name)) / 1000)));
            cpu.append('\n');
            ingest[round] = LINES / seconds;
            report.append(String.format(Locale.ROOT, "| round %d%s: %s, %.1f MB | %d | %.2f s | %.0f |%n",
                    round + 1, rounds[round].contains("direct") ? "" : " via gateway", rounds[round], body.length / 1e6, LINES, seconds,
                    ingest[round]));
            System.out.printf(Locale.ROOT, "bench: progress round %d: %.0f records/s%n", round + 1, ingest[round]);
        }
        double pgbench = pgbenchBatchedInsertRowsPerSecond();
        double withOutbox = pgbenchWithOutboxRowsPerSecond();
        report.append(String.format(Locale.ROOT, "| pgbench: INSERT of %d rows a statement, 1 client, 10 s | | |"
                + " %.0f |%n| pgbench: the same rows and their %d outbox events in one transaction, then marked"
                + " published, 1 client, 10 s | | | %.0f |%n%nRatio ingest (new reports) / pgbench batched insert:"
                + " **%.3f** (target >= 0.5); changed reports: %.3f; warm, via gateway: %.3f, direct: %.3f.%n"
                + "Against the rows with their outbox events: new %.3f, warm via gateway %.3f, warm direct %.3f.%n",
                PGBENCH_BATCH, pgbench, PGBENCH_BATCH, withOutbox, ingest[0] / pgbench, ingest[2] / pgbench,
                ingest[4] / pgbench, ingest[5] / pgbench, ingest[0] / withOutbox, ingest[4] / withOutbox,
                ingest[5] / withOutbox));
        report.append("\nCPU seconds per process during each upload (utime + stime from /proc):\n\n").append(cpu);
        Path out = Path.of(System.getProperty("ax.root", "..")).resolve("system-tests/target/benchmarks/progress.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n=== progress ingest ===\n" + report);
    }

    /**
     * Selected applications of Busan, one per call (a region holds one active application a call), drafted through
     * the gateway; selection itself is measured elsewhere, so they are put in SELECTED directly.
     */
    static List<String> selectedApplications(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String callId = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                    .body(CallFlowThroughGatewayTest.callBody("AX-B-" + UUID.randomUUID().toString().substring(0, 8)
                            .toUpperCase()).replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z"))
                    .post("/api/v1/calls").then().statusCode(201).extract().path("id");
            given().header("X-API-Key", "demo-admin").post("/api/v1/calls/" + callId + "/open").then()
                    .statusCode(200);
            ids.add(given().header("X-API-Key", "demo-region-KR-26").contentType(ContentType.JSON)
                    .body(CallFlowThroughGatewayTest.applicationBody(callId)).post("/api/v1/applications")
                    .then().statusCode(201).extract().path("id"));
            if (i % 100 == 0) {
                System.out.printf("bench: %d/%d selected applications prepared%n", i, count);
            }
        }
        Psql.query("ax_applications_e2e", "UPDATE application SET status = 'SELECTED' WHERE id IN ('"
                + String.join("', '", ids) + "')");
        return ids;
    }

    static byte[] ndjson(List<String> ids, List<String[]> periods, int add) {
        StringBuilder body = new StringBuilder(LINES * 400);
        int n = 0;
        for (String id : ids) {
            for (String[] p : periods) {
                if (n++ == LINES) {
                    return body.toString().getBytes(StandardCharsets.UTF_8);
                }
                int v = Integer.parseInt(p[1]) * 10 + add;
                body.append("{\"applicationId\": \"").append(id).append("\", \"externalId\": \"").append(p[0])
                        .append("\", \"period\": \"").append(p[0]).append("\", \"smesSupported\": ").append(v)
                        .append(", \"solutionsDeployed\": ").append(v).append(", \"traineesTrained\": ").append(v)
                        .append(", \"aiAdoptionPct\": 19.5, \"localVendorSharePct\": 55.0, \"jobsCreated\": ")
                        .append(v).append(", \"narrative\": \"On plan\", \"milestones\": [{\"projectIndex\": 0,")
                        .append(" \"status\": \"ON_TRACK\", \"dueOn\": \"2026-12-31\"}]}\n");
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Until applications-service has published every event, and a moment for the consumers to read them; at most 60 s. */
    static void awaitQuiet() throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until && Psql.count("ax_applications_e2e",
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000); // consumers read within milliseconds of publication; the margin covers their last batch
    }

    /** CPU time so far of each service, the broker and PostgreSQL (all its processes), in milliseconds. */
    static Map<String, Double> cpuMillisByProcess(Suite suite) {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        suite.processByService.forEach((name, process) -> cpu.put(name,
                GatewayOverheadBenchmark.cpuMillis(List.of(process.toHandle()))));
        cpu.put("kafka", GatewayOverheadBenchmark.cpuMillis(kafkaBroker().stream().toList()));
        cpu.put("postgresql", GatewayOverheadBenchmark.cpuMillis(ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false)).toList()));
        return cpu;
    }

    /** The broker bin/kafka started, from its pid file. */
    static Optional<ProcessHandle> kafkaBroker() {
        Path pidFile = Path.of(System.getProperty("ax.root", "..")).resolve(".run/kafka/kafka.pid");
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // not started by bin/kafka: not counted
        }
    }

    /**
     * pgbench as above, but each transaction also writes the reports' 500 outbox events (same shape as outbox_event,
     * with its indexes) and then marks them published as the relay does: the database work an ingest that publishes
     * every change through a transactional outbox cannot avoid. Reported beside the reference, not instead.
     */
    static double pgbenchWithOutboxRowsPerSecond() throws Exception {
        Psql.query("ax_applications_e2e", "DROP TABLE IF EXISTS bench_rows, bench_outbox; CREATE TABLE bench_rows"
                + " (id uuid PRIMARY KEY, application_id uuid, period text, external_id text, counters int[],"
                + " pcts numeric(5,2)[], narrative text, milestones jsonb, content_sha256 text, updated_at timestamptz);"
                + " CREATE TABLE bench_outbox (position bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, topic text NOT"
                + " NULL, aggregate_id text NOT NULL, shard smallint NOT NULL, type text NOT NULL, occurred_at"
                + " timestamptz NOT NULL, payload jsonb NOT NULL, published_at timestamptz); CREATE INDEX"
                + " bench_outbox_unpublished ON bench_outbox (shard, position) WHERE published_at IS NULL; CREATE INDEX"
                + " bench_outbox_published ON bench_outbox (published_at) WHERE published_at IS NOT NULL");
        String rows = "FROM generate_series(1, " + PGBENCH_BATCH + ") g";
        return pgbench("BEGIN;\n"
                + "INSERT INTO bench_rows SELECT gen_random_uuid(), gen_random_uuid(), '2026-07', 'busan-' || g,"
                + " ARRAY[12, 3, 40, 4], ARRAY[19.5, 55.0], 'On plan', '[{\"projectIndex\": 0, \"status\":"
                + " \"ON_TRACK\", \"dueOn\": \"2026-12-31\"}]', md5(g::text) || md5(g::text), now() " + rows + ";\n"
                + "INSERT INTO bench_outbox (id, topic, aggregate_id, shard, type, occurred_at, payload) SELECT"
                + " gen_random_uuid(), 'ax.progress', gen_random_uuid()::text, g % 8,"
                + " 'kr.go.ax.application.progress-reported.v1', now(), jsonb_build_object('period', '2026-07',"
                + " 'externalId', 'busan-' || g, 'smesSupported', 12, 'solutionsDeployed', 3, 'traineesTrained', 40,"
                + " 'aiAdoptionPct', 19.5, 'localVendorSharePct', 55.0, 'jobsCreated', 4, 'revision', 1,"
                + " 'milestones', '[{\"projectIndex\": 0, \"status\": \"ON_TRACK\", \"dueOn\": \"2026-12-31\"}]'::jsonb) "
                + rows + ";\n"
                + "COMMIT;\n"
                + "UPDATE bench_outbox SET published_at = now() WHERE published_at IS NULL;\n",
                "DROP TABLE bench_rows, bench_outbox");
    }

    /** pgbench, 10 s, one client, each transaction one INSERT of 500 rows shaped like a stored report. */
    static double pgbenchBatchedInsertRowsPerSecond() throws Exception {
        Psql.query("ax_applications_e2e", "DROP TABLE IF EXISTS bench_rows; CREATE TABLE bench_rows (id uuid PRIMARY KEY,"
                + " application_id uuid, period text, external_id text, counters int[], pcts numeric(5,2)[],"
                + " narrative text, milestones jsonb, content_sha256 text, updated_at timestamptz)");
        return pgbench("INSERT INTO bench_rows SELECT gen_random_uuid(), gen_random_uuid(), '2026-07',"
                + " 'busan-' || g, ARRAY[12, 3, 40, 4], ARRAY[19.5, 55.0], 'On plan',"
                + " '[{\"projectIndex\": 0, \"status\": \"ON_TRACK\", \"dueOn\": \"2026-12-31\"}]',"
                + " md5(g::text) || md5(g::text), now() FROM generate_series(1, " + PGBENCH_BATCH + ") g;\n",
                "DROP TABLE bench_rows");
    }

    /** Runs a pgbench script for 10 s on one client, then the cleanup; rows per second (transactions x batch). */
    private static double pgbench(String transaction, String cleanup) throws Exception {
        Path script = Files.createTempFile("pgbench-insert", ".sql");
        Files.writeString(script, transaction);
        Process pgbench = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-c", "1", "-T",
                "10", "-f", script.toString(), "ax_applications_e2e").redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgbench.waitFor(60, TimeUnit.SECONDS);
        Psql.query("ax_applications_e2e", cleanup);
        Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return Double.parseDouble(tps.group(1)) * PGBENCH_BATCH;
    }
}
