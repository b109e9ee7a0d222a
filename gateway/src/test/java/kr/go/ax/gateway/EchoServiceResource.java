package kr.go.ax.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real HTTP upstream for the gateway under test: it answers every request with the method, path, body length and
 * headers it received, so tests see exactly what the gateway forwarded. Also makes the signing key pair.
 */
public class EchoServiceResource implements QuarkusTestResourceLifecycleManager {
    static KeyPair keyPair;
    static final String IDP_ISSUER = "https://idp.test";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keyPair = generator.generateKeyPair();
            Path privateKey = Files.createTempFile("gateway-test-key", ".pem");
            privateKey.toFile().deleteOnExit();
            Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keyPair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");

            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().contains("/slow")) {
                    try {
                        Thread.sleep(4_000); // longer than the evaluation route's test timeout
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                long length = exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
                String headers = exchange.getRequestHeaders().entrySet().stream()
                        .map(e -> "\"" + e.getKey().toLowerCase() + "\":\"" + e.getValue().get(0).replace("\"", "'")
                                + "\"")
                        .collect(Collectors.joining(","));
                byte[] body = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\""
                        + exchange.getRequestURI() + "\",\"bodyLength\":" + length + ",\"headers\":{" + headers + "}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                // Like the services, echo the request id back.
                String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
                if (requestId != null) {
                    exchange.getResponseHeaders().add("X-Request-Id", requestId);
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            int deadPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                deadPort = socket.getLocalPort(); // closed again at once: nothing listens there
            }
            return Map.of(
                    "ax.gateway.routes.applications.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "ax.gateway.routes.budget.url", "http://127.0.0.1:" + deadPort,
                    "ax.gateway.routes.evaluation.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "smallrye.jwt.sign.key.location", privateKey.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
