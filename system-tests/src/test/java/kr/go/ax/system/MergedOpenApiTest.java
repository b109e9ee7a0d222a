package kr.go.ax.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's merged OpenAPI document is the public contract: it covers every service and the gateway's own API,
 * every operation is documented, and it passes Spectral's OpenAPI ruleset with no errors (infra/openapi).
 */
class MergedOpenApiTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void suite() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    @Test
    void oneDocumentCoversEveryServiceAndPassesSpectral() throws Exception {
        String body = given().get("/openapi").then().statusCode(200).contentType("application/json")
                .extract().asString();
        JsonNode document = MAPPER.readTree(body);
        JsonNode paths = document.path("paths");
        for (String path : List.of("/api/v1/calls", "/api/v1/applications/{id}/submit", "/api/v1/budget/checks",
                "/api/v1/evaluation/calls/{callId}/decision", "/api/v1/gateway/api-keys")) {
            assertTrue(paths.has(path), "the merged document has " + path);
        }
        assertEquals("X-API-Key", document.at("/components/securitySchemes/ApiKey/name").asText());
        assertEquals("application/problem+json", document.at("/paths/~1api~1v1~1calls/post/responses/429/content")
                .fieldNames().next());
        List<String> undocumented = new ArrayList<>();
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().isObject() && op.getValue().has("responses")
                    && (!op.getValue().hasNonNull("summary") || op.getValue().path("tags").isEmpty())) {
                undocumented.add(op.getKey() + " " + p.getKey());
            }
        }));
        assertEquals(List.of(), undocumented, "every operation has a summary and tags");

        Path root = Path.of(System.getProperty("ax.root", "..")).toAbsolutePath().normalize();
        Path out = root.resolve("system-tests/target/openapi/ax-openapi.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, body);
        Path lint = root.resolve("infra/openapi");
        if (!Files.isDirectory(lint.resolve("node_modules/@stoplight/spectral-cli"))) {
            run(lint, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        }
        Process spectral = run(lint, List.of("node_modules/.bin/spectral", "lint", out.toString(), "--ruleset",
                ".spectral.yaml", "--fail-severity", "error", "--format", "text"), 120);
        String report = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(out.resolveSibling("spectral.txt"), report);
        assertEquals(0, spectral.exitValue(), "spectral:oas errors in the merged document:\n" + report);

        // A portal's Java client, generated from the document by openapi-generator, compiles.
        Path client = out.resolveSibling("java-client");
        deleteTree(client); // nothing left from an earlier document
        deleteTree(out.resolveSibling("java-client-classes"));
        Process generator = run(root.resolve("system-tests"), List.of(javaBinary(), "-jar",
                "target/tools/openapi-generator-cli.jar", "generate", "-i", out.toString(), "-g", "java",
                "--library", "native", "-o", client.toString(), "--skip-validate-spec",
                "--additional-properties=useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"), 300);
        String generated = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, generator.exitValue(), "openapi-generator failed:\n" + generated);
        List<String> sources;
        try (var files = Files.walk(client.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertTrue(sources.size() > 20, "a client was generated: " + sources.size() + " files");
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        Path classes = out.resolveSibling("java-client-classes");
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn",
                "-classpath", System.getProperty("java.class.path")));
        arguments.addAll(sources);
        int compiled = javac.run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, compiled, "the generated client does not compile:\n" + errors);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Process run(Path dir, List<String> command, int timeoutSeconds) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        if (command.get(0).equals("npm") && process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return process;
    }
}
