package kr.go.ax.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drives uniquely identified application submissions through the gateway while it kills each service with SIGKILL
 * (three times each), kills the Kafka broker (three times) and restarts PostgreSQL (fast, immediate, fast), then
 * proves nothing was lost or applied twice: every acknowledged submission exists once, each got one budget
 * assessment and one status change from SUBMITTED, every outbox event was published, consumer lag returns to zero,
 * and every failed request failed cleanly and succeeded exactly once on retry with the same Idempotency-Key.
 * Readiness must go DOWN within 5 s of losing the database or the broker and come back by itself. Run by
 * {@code bin/faults}; report in system-tests/target/faults/report.md.
 */
@Tag("faults")
class FaultInjectionHarness {
    static final int SUBMISSIONS = Integer.getInteger("faults.submissions", 10_000);
    static final int WORKERS = Integer.getInteger("faults.workers", 6);
    static final int ROUNDS = Integer.getInteger("faults.rounds", 3);
    static final String PG_CLUSTER = System.getProperty("faults.pg-cluster", "15 main");
    static final List<String> REGIONS = List.of("KR-11", "KR-26", "KR-27", "KR-28", "KR-29", "KR-30", "KR-31",
            "KR-50", "KR-41", "KR-42", "KR-43", "KR-44", "KR-45", "KR-46", "KR-47", "KR-48", "KR-49");
    static final List<String> BACKENDS = List.of("applications-service", "budget-service", "evaluation-service");
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private final Suite suite = Suite.get();
    private final Path root = Path.of(System.getProperty("ax.root", "..")).toAbsolutePath().normalize();
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Integer, CompletableFuture<String>> calls = new ConcurrentHashMap<>();
    /** Application id of each acknowledged submission, by its number. */
    private final Map<Integer, String> submitted = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean faultsDone = new AtomicBoolean();
    private final AtomicLong refusedOrReset = new AtomicLong();
    private final AtomicLong problem5xx = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong retriedToSuccess = new AtomicLong();
    private final AtomicLong inUse = new AtomicLong();
    private final AtomicInteger workersStopped = new AtomicInteger();
    private final List<String> unclean = Collections.synchronizedList(new ArrayList<>());
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());

    @Test
    void nothingIsLostOrAppliedTwiceWhenProcessesDie() throws Exception {
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            workers.submit(this::submitUntilDone);
        }
        Thread progress = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.out.printf(Locale.ROOT, "faults: %d submissions acknowledged, %d refused/reset, %d 5xx, "
                        + "%d timed out%n", submitted.size(), refusedOrReset.get(), problem5xx.get(), timedOut.get());
                Suite.sleep(10_000);
            }
        });
        progress.setDaemon(true);
        progress.start();
        awaitSubmissions(Math.min(500, SUBMISSIONS / 4)); // under load before the first fault
        injectFaults();
        faultsDone.set(true);
        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.MINUTES), "the load finished");
        progress.interrupt();
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        line("Load: %d submissions acknowledged in %.0f s (%d workers through the gateway) while the faults ran.",
                submitted.size(), loadSeconds, WORKERS);
        line("Failed attempts: %d refused or reset connections, %d 5xx problem+json, %d client timeouts (60 s), "
                + "%d retries while the first attempt still ran (409 IDEMPOTENCY_KEY_IN_USE); %d requests succeeded "
                + "on a retry with their Idempotency-Key; %d unclean answers.", refusedOrReset.get(), problem5xx.get(),
                timedOut.get(), inUse.get(), retriedToSuccess.get(), unclean.size());
        verify();
    }

    /** Each worker: the next submission number, its call (made on demand), create then submit, both idempotent. */
    private void submitUntilDone() {
        try {
            while (true) {
                int n = next.getAndIncrement();
                if (n >= SUBMISSIONS && faultsDone.get()) {
                    return;
                }
                String region = REGIONS.get(n % REGIONS.size());
                String callId = calls.computeIfAbsent(n / REGIONS.size(), this::openCall).join();
                HttpResponse<String> created = send("POST", "/api/v1/applications", "demo-region-" + region,
                        CallFlowThroughGatewayTest.applicationBody(callId), "fi-" + run + "-create-" + n, 201);
                String id = field(created.body(), "id");
                send("POST", "/api/v1/applications/" + id + "/submit", "demo-region-" + region, null,
                        "fi-" + run + "-submit-" + n, 202);
                submitted.put(n, id);
            }
        } catch (RuntimeException e) {
            unclean.add("worker stopped: " + e);
            System.out.println("faults: a worker stopped: " + e);
            workersStopped.incrementAndGet();
        }
    }

    private CompletableFuture<String> openCall(int index) {
        String code = "FI-" + run + "-" + index;
        // Open to every region, and open until well after the run.
        String body = CallFlowThroughGatewayTest.callBody(code).replace("2026-03-10T09:00:00Z", "2099-03-10T09:00:00Z")
                .replaceAll("\"excludedRegions\": \\[[^\\]]*\\]", "\"excludedRegions\": []");
        String id = field(send("POST", "/api/v1/calls", "demo-admin", body, "fi-" + run + "-call-" + index, 201)
                .body(), "id");
        send("POST", "/api/v1/calls/" + id + "/open", "demo-admin", null, "fi-" + run + "-open-" + index, 200);
        return CompletableFuture.completedFuture(id);
    }

    /**
     * One request until it gets its expected answer: a refused connection, a 5xx problem or a timeout is retried
     * with the same Idempotency-Key; any other answer is unclean and recorded.
     */
    private HttpResponse<String> send(String method, String path, String key, String body, String idempotencyKey,
            int expected) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long backoff = 100;
        boolean retried = false;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(60)).header("X-API-Key", key)
                    .header("Idempotency-Key", idempotencyKey)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == expected) {
                    if (retried) {
                        retriedToSuccess.incrementAndGet();
                    }
                    return response;
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (status >= 500 && type.startsWith("application/problem+json")) {
                    problem5xx.incrementAndGet();
                } else if (status == 429) {
                    Suite.sleep(1000);
                } else if (status == 409 && response.body().contains("IDEMPOTENCY_KEY_IN_USE")) {
                    inUse.incrementAndGet(); // the first attempt (whose answer timed out) is still running
                } else {
                    unclean.add(method + " " + path + " -> " + status + " " + type + " " + abbreviate(response.body()));
                    System.out.println("faults: unclean answer: " + unclean.get(unclean.size() - 1));
                    if (status < 500) {
                        throw new IllegalStateException(method + " " + path + " answered " + status);
                    }
                }
            } catch (HttpTimeoutException e) {
                timedOut.incrementAndGet();
            } catch (ConnectException e) {
                refusedOrReset.incrementAndGet();
            } catch (IOException e) {
                refusedOrReset.incrementAndGet(); // reset or closed while the process died
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + path + " did not succeed within " + GIVE_UP_AFTER);
            }
            retried = true;
            Suite.sleep(backoff);
            backoff = Math.min(2_000, backoff * 2);
        }
    }

    private void injectFaults() throws Exception {
        line("| fault | readiness DOWN after | ready again after |");
        line("|---|---|---|");
        String[] pgModes = {"fast", "immediate", "fast"};
        for (int round = 0; round < ROUNDS; round++) {
            for (String service : List.of("applications-service", "budget-service", "evaluation-service",
                    "gateway")) {
                suite.kill(service);
                long t0 = System.nanoTime();
                Duration ready = suite.restart(service);
                line("| SIGKILL %s (round %d) | (process gone) | %.1f s |", service, round + 1,
                        (System.nanoTime() - t0) / 1e9);
                System.out.printf(Locale.ROOT, "faults: %s killed and ready again after %d ms%n", service,
                        ready.toMillis());
                Suite.sleep(3_000);
            }
            outage("SIGKILL Kafka broker (round " + (round + 1) + ")", this::killBroker,
                    () -> run(List.of(root.resolve("bin/kafka").toString(), "start")));
            String mode = pgModes[round % pgModes.length];
            List<String> cluster = List.of(PG_CLUSTER.split(" "));
            outage("PostgreSQL stop -m " + mode + ", then start (round " + (round + 1) + ")",
                    () -> run(concat(List.of("pg_ctlcluster"), cluster, List.of("stop", "-m", mode))),
                    () -> run(concat(List.of("pg_ctlcluster"), cluster, List.of("start"))));
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /** Takes a dependency away, measures how soon each service's readiness says so, brings it back, waits for UP. */
    private void outage(String name, Step takeAway, Step bringBack) throws Exception {
        // One watcher per service, so a probe that hangs (as a readiness check waiting for the broker may) delays
        // only its own service's figure.
        Map<String, CompletableFuture<Double>> down = new LinkedHashMap<>();
        takeAway.run();
        long t0 = System.nanoTime();
        for (String service : BACKENDS) {
            down.put(service, CompletableFuture.supplyAsync(() -> secondsUntil(service, false, t0, 15)));
        }
        Map<String, Double> downAfter = new LinkedHashMap<>();
        for (var d : down.entrySet()) {
            downAfter.put(d.getKey(), d.getValue().get());
        }
        bringBack.run();
        long t1 = System.nanoTime();
        Map<String, CompletableFuture<Double>> up = new LinkedHashMap<>();
        for (String service : BACKENDS) {
            up.put(service, CompletableFuture.supplyAsync(() -> secondsUntil(service, true, t1, 180)));
        }
        Map<String, Double> upAfter = new LinkedHashMap<>();
        for (var u : up.entrySet()) {
            upAfter.put(u.getKey(), u.getValue().get());
        }
        line("| %s | %s | %s |", name, describe(downAfter), describe(upAfter));
        System.out.printf(Locale.ROOT, "faults: %s: DOWN %s, UP %s%n", name, downAfter, upAfter);
        for (String service : BACKENDS) {
            Double d = downAfter.get(service);
            if (d == null || d > 5.0) {
                unclean.add(name + ": readiness of " + service + " did not go DOWN within 5 s (" + d + ")");
            }
            if (upAfter.get(service) == null) {
                unclean.add(name + ": " + service + " did not become ready again by itself");
            }
        }
        Suite.sleep(3_000);
    }

    /** Seconds from {@code since} until the service's readiness is UP (or not), polled every 100 ms; null if never. */
    private Double secondsUntil(String service, boolean ready, long since, int limitSeconds) {
        while (System.nanoTime() - since < Duration.ofSeconds(limitSeconds).toNanos()) {
            if ((readiness(service) == 200) == ready) {
                return (System.nanoTime() - since) / 1e9;
            }
            Suite.sleep(100);
        }
        return null;
    }

    private int readiness(String service) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + suite.ports.get(service)
                    + "/q/health/ready")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void killBroker() throws Exception {
        long pid = Long.parseLong(Files.readString(root.resolve(".run/kafka/kafka.pid")).trim());
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no broker " + pid));
        broker.destroyForcibly();
        broker.onExit().get(30, TimeUnit.SECONDS);
    }

    private void verify() throws Exception {
        // Everything in flight settles: the consumers catch up and every submission gets its verdict.
        long t0 = System.nanoTime();
        long lag = -1;
        while (System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos() && (lag = consumerLag()) != 0) {
            Suite.sleep(2_000);
        }
        line("Consumer lag of the services' groups after the load: %d, %.1f s after the last request.", lag,
                (System.nanoTime() - t0) / 1e9);
        String inCalls = "call_id IN (SELECT id FROM programme_call WHERE code LIKE 'FI-" + run + "-%')";
        long pending = -1;
        while (System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos()
                && (pending = count("applications", "SELECT count(*) FROM application WHERE " + inCalls
                        + " AND status = 'SUBMITTED'")) != 0) {
            Suite.sleep(2_000);
        }
        List<String> stored = query("applications", "SELECT id FROM application WHERE " + inCalls);
        Set<String> acknowledged = new HashSet<>(submitted.values());
        long onlyInDb = stored.stream().filter(id -> !acknowledged.contains(id)).count();
        long missing = acknowledged.stream().filter(id -> !new HashSet<>(stored).contains(id)).count();
        long oneSubmit = count("applications", "SELECT count(*) FROM (SELECT application_id FROM application_transition"
                + " t JOIN application a ON a.id = t.application_id WHERE a." + inCalls + " AND t.to_status = "
                + "'SUBMITTED' GROUP BY application_id HAVING count(*) = 1) x");
        long oneVerdict = count("applications", "SELECT count(*) FROM (SELECT application_id FROM "
                + "application_transition t JOIN application a ON a.id = t.application_id WHERE a." + inCalls
                + " AND t.from_status = 'SUBMITTED' GROUP BY application_id HAVING count(*) = 1) x");
        long moreThanOne = count("applications", "SELECT count(*) FROM (SELECT application_id FROM "
                + "application_transition t JOIN application a ON a.id = t.application_id WHERE a." + inCalls
                + " GROUP BY application_id, from_status, to_status HAVING count(*) > 1) x");
        String callIds = String.join("','", query("applications", "SELECT id FROM programme_call WHERE code LIKE 'FI-"
                + run + "-%'"));
        long assessedOnce = count("budget", "SELECT count(*) FROM (SELECT application_id FROM budget_assessment"
                + " WHERE call_id IN ('" + callIds + "') GROUP BY application_id, submission HAVING count(*) = 1) x");
        long assessedTwice = count("budget", "SELECT count(*) FROM (SELECT application_id FROM budget_assessment"
                + " WHERE call_id IN ('" + callIds + "') GROUP BY application_id, submission HAVING count(*) > 1) x");
        // Money moves only on a decision, and none was made: the ledger must not have been touched.
        long allocations = count("budget", "SELECT count(*) FROM fund_allocation WHERE call_id IN ('" + callIds
                + "')");
        long unpublished = 0;
        for (String db : List.of("applications", "budget", "evaluation")) {
            unpublished += count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
        }
        int n = acknowledged.size();
        line("");
        line("| check | expected | found |");
        line("|---|---|---|");
        line("| acknowledged submissions stored (once each: id is the key) | %d | %d |", n, stored.size() - onlyInDb);
        line("| stored without an acknowledgement (a create whose answer was lost) | 0 | %d |", onlyInDb);
        line("| acknowledged but missing | 0 | %d |", missing);
        line("| still SUBMITTED (no verdict) | 0 | %d |", pending);
        line("| exactly one transition to SUBMITTED | %d | %d |", n, oneSubmit);
        line("| exactly one status change from SUBMITTED (the budget verdict) | %d | %d |", n, oneVerdict);
        line("| any transition recorded twice | 0 | %d |", moreThanOne);
        line("| exactly one budget assessment | %d | %d |", n, assessedOnce);
        line("| a submission assessed twice | 0 | %d |", assessedTwice);
        line("| ledger allocations (no decision was made) | 0 | %d |", allocations);
        line("| outbox events never published | 0 | %d |", unpublished);
        line("| consumer lag | 0 | %d |", lag);
        line("| requests that hung until the client's 60 s timeout | 0 | %d |", timedOut.get());
        line("| unclean answers or readiness failures | 0 | %d |", unclean.size());
        unclean.stream().limit(20).forEach(u -> line("- %s", u));
        Path out = root.resolve("system-tests/target/faults/report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println("\n=== fault injection ===\n" + String.join("\n", report));

        assertTrue(n >= SUBMISSIONS, "at least " + SUBMISSIONS + " submissions");
        assertEquals(0, missing, "acknowledged submissions missing");
        assertEquals(0, onlyInDb, "applications nobody acknowledged");
        assertEquals(0, pending, "submissions without a verdict");
        assertEquals(n, oneSubmit, "one transition to SUBMITTED each");
        assertEquals(n, oneVerdict, "one verdict transition each");
        assertEquals(0, moreThanOne, "transitions applied twice");
        assertEquals(n, assessedOnce, "one assessment each");
        assertEquals(0, assessedTwice, "assessments applied twice");
        assertEquals(0, allocations, "ledger allocations without a decision");
        assertEquals(0, unpublished, "unpublished events");
        assertEquals(0, lag, "consumer lag");
        assertEquals(0, timedOut.get(), "requests that hung instead of failing cleanly");
        assertTrue(unclean.isEmpty(), String.join("\n", unclean));
    }

    /** Messages the services' e2e consumer groups have not committed yet, over every partition they read. */
    private static long consumerLag() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092")))) {
            long lag = 0;
            for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                if (!group.groupId().contains(".e2e.")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        lag += ends.get(e.getKey()).offset() - e.getValue().offset();
                    }
                }
            }
            return lag;
        } catch (Exception e) {
            return -1; // the broker is still coming back
        }
    }

    private static long count(String service, String sql) throws Exception {
        return Psql.count("ax_" + service + "_e2e", sql);
    }

    private static List<String> query(String service, String sql) throws Exception {
        return Psql.query("ax_" + service + "_e2e", sql);
    }

    private static void run(List<String> command) throws Exception {
        // Output to a file, not a pipe: a server started by the command inherits it and would hold a pipe open.
        Path log = Files.createTempFile("faults-command", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (!exited || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private void awaitSubmissions(int count) {
        while (submitted.size() < count) {
            if (workersStopped.get() == WORKERS) {
                throw new IllegalStateException("every worker stopped: " + unclean);
            }
            Suite.sleep(500);
        }
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }

    private static String describe(Map<String, Double> seconds) {
        if (seconds.isEmpty()) {
            return "never";
        }
        StringBuilder s = new StringBuilder();
        seconds.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k.replace("-service", ""))
                .append(String.format(Locale.ROOT, " %.1f s", v)));
        return s.toString();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }

}
