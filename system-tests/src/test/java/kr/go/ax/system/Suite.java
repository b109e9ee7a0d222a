package kr.go.ax.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as separate processes: the four packaged services (built earlier in the reactor), started with the
 * local profile on free ports, against the real broker and their own {@code *_e2e} databases (cleaned at start).
 * Started once per test JVM and stopped when it exits.
 */
final class Suite {
    private static Suite instance;

    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    /** Each service's process, for benchmarks that measure its CPU time. */
    final Map<String, Process> processByService = new LinkedHashMap<>();
    /** How each service was launched, to launch it again after a fault. */
    private final Map<String, List<String>> launchProperties = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> launchEnvironment = new LinkedHashMap<>();
    private final Path root = Path.of(System.getProperty("ax.root", ".."));
    private final Path work = root.resolve("system-tests/target/e2e");
    private KeyPair signingKeys;

    static synchronized Suite get() {
        if (instance == null) {
            instance = new Suite();
            instance.start();
        }
        return instance;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    private void start() {
        try {
            Files.createDirectories(work);
            Path[] keys = writeKeyPair();
            for (String service : List.of("applications-service", "budget-service", "evaluation-service",
                    "gateway")) {
                ports.put(service, freePort());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
            // The e2e consumer groups skip what module tests and earlier runs left on the shared topics.
            kr.go.ax.common.testing.ConsumerOffsets.moveToEnd(java.util.Map.of(
                    "applications-service.e2e.budget", "ax.budget",
                    "applications-service.e2e.evaluation", "ax.evaluation",
                    "applications-service.e2e.webhooks", "ax.calls,ax.applications,ax.budget,ax.evaluation",
                    "budget-service.e2e.calls", "ax.calls",
                    "budget-service.e2e.applications", "ax.applications",
                    "budget-service.e2e.evaluation", "ax.evaluation",
                    "evaluation-service.e2e.calls", "ax.calls",
                    "evaluation-service.e2e.applications", "ax.applications"));
            for (String service : List.of("applications", "budget", "evaluation")) {
                launch(service + "-service", List.of(
                        "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/ax_" + service + "_e2e",
                        "-Dquarkus.flyway.clean-at-start=true",
                        "-Dquarkus.flyway.clean-disabled=false",
                        "-Dax.consumer-group-prefix=" + service + "-service.e2e"),
                        Map.of("AX_JWT_PUBLIC_KEY", keys[1].toString()));
            }
            List<String> gatewayProperties = new ArrayList<>(List.of(
                    "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/ax_gateway_e2e",
                    "-Dquarkus.flyway.clean-at-start=true",
                    "-Dquarkus.flyway.clean-disabled=false"));
            if (Boolean.getBoolean("bench.gateway.high-limits")) {
                // Benchmarks saturate the gateway: the buckets are still checked on every request, never empty.
                for (String role : List.of("admin", "evaluator", "portal", "region")) {
                    gatewayProperties.add("-Dax.gateway.rate-limits." + role + ".per-second=10000000");
                    gatewayProperties.add("-Dax.gateway.rate-limits." + role + ".burst=10000000");
                }
            }
            launch("gateway", gatewayProperties, Map.of(
                    "AX_JWT_PRIVATE_KEY", keys[0].toString(),
                    "APPLICATIONS_URL", "http://127.0.0.1:" + ports.get("applications-service"),
                    "BUDGET_URL", "http://127.0.0.1:" + ports.get("budget-service"),
                    "EVALUATION_URL", "http://127.0.0.1:" + ports.get("evaluation-service")));
            for (String service : ports.keySet()) {
                awaitReady(service);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker or the database. */
    void kill(String service) throws InterruptedException {
        Process process = processByService.get(service);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Launches the service again on its port, keeping its database, and waits until it is ready. */
    Duration restart(String service) throws IOException {
        List<String> keep = launchProperties.get(service).stream()
                .filter(p -> !p.startsWith("-Dquarkus.flyway.clean")).toList();
        launch(service, keep, launchEnvironment.get(service));
        awaitReady(service);
        return readyAfter.get(service);
    }

    private void launch(String service, List<String> properties, Map<String, String> env) throws IOException {
        boolean again = launchProperties.containsKey(service);
        launchProperties.put(service, properties);
        launchEnvironment.put(service, env);
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw verify builds them)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        if (service.equals("gateway")) {
            command.add("-XX:+UseSerialGC"); // as bin/run and its image start it (gateway's Dockerfile.jvm says why)
        }
        // e.g. -Dsuite.jvm-args.applications-service="-agentpath:…" to profile one service under a benchmark
        String extra = System.getProperty("suite.jvm-args." + service, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Dquarkus.profile=local");
        command.add("-Dquarkus.http.port=" + ports.get(service));
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(work.resolve(service + ".log").toFile())
                        : ProcessBuilder.Redirect.to(work.resolve(service + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        processByService.put(service, process);
        readyAfter.put(service, Duration.ofNanos(System.nanoTime()));
    }

    private void awaitReady(String service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + ports.get(service) + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    Duration started = readyAfter.get(service);
                    readyAfter.put(service, Duration.ofNanos(System.nanoTime()).minus(started));
                    System.out.printf("system-tests: %s ready in %d ms%n", service,
                            readyAfter.get(service).toMillis());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            processByService.forEach((name, p) -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up with status " + p.exitValue()
                            + "; see " + work + "/" + name + ".log");
                }
            });
            sleep(250);
        }
        throw new IllegalStateException(service + " not ready within 120 s; see " + work + "/" + service + ".log");
    }

    private void stop() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }

    /** A fresh signing key pair for this run: the gateway signs with the private key, services verify. */
    private Path[] writeKeyPair() throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        signingKeys = pair;
        Path privateKey = work.resolve("jwt-private.pem");
        Path publicKey = work.resolve("jwt-public.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return new Path[] {privateKey, publicKey};
    }

    /** A token shaped like the gateway's, for calling a service directly (benchmarks measure the gateway's share). */
    String tokenFor(String subject, String role, String region) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes());
        String claims = b64.encodeToString(("{\"iss\":\"ax-gateway\",\"aud\":\"ax-services\",\"sub\":\"" + subject
                + "\",\"groups\":[\"" + role + "\"]" + (region == null ? "" : ",\"region\":\"" + region + "\"")
                + ",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes());
        try {
            java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKeys.getPrivate());
            rs256.update((header + "." + claims).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(rs256.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sleeps, keeping the thread's interrupt status if interrupted; shared by the harnesses. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
