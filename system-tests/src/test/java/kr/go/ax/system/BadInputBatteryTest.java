package kr.go.ax.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input against every POST, PUT and PATCH of the merged OpenAPI document, through the gateway: malformed JSON,
 * wrong types, missing, null and unknown fields, numbers past {@code long}, huge and negative numbers, empty and
 * huge strings, unicode edge cases, injection strings, wrong content types and oversized bodies. Never a 5xx; every
 * 4xx is problem+json; what is plainly wrong is a 4xx, and a 400 names the field. Values that may be legitimate
 * (a negative number, an injection string as free text) only must not break anything.
 */
class BadInputBatteryTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("demo-region-KR-26", "demo-admin", "demo-evaluator-1",
            "demo-portal");
    private static final String HUGE_STRING = "x".repeat(100_000);
    private static final List<String> EDGE_STRINGS = List.of("", HUGE_STRING, "\uD800", "\u0000", "\u202E\u200B\uFEFF",
            "한국어 🚀 é", "' OR '1'='1'; DROP TABLE application; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd");

    /** A variant of a request body and whether it must be refused. */
    record Variant(String name, String contentType, byte[] body, boolean mustBeRefused, String field) {
        static Variant of(String name, String contentType, String body, boolean mustBeRefused, String field) {
            return new Variant(name, contentType, body.getBytes(StandardCharsets.UTF_8), mustBeRefused, field);
        }

        Variant withBody(byte[] raw) {
            return new Variant(name, contentType, raw, mustBeRefused, field);
        }
    }

    private final List<String> failures = new ArrayList<>();
    private final List<String[]> created = new ArrayList<>(); // {key, path} of what an accepted variant made
    private List<OpenApiOperations.Operation> operations;
    private int requests;

    @BeforeAll
    static void startSuite() {
        RestAssured.baseURI = Suite.get().gatewayUrl();
    }

    @Test
    void everyWriteOperationRefusesBadInputWithAProblemNeverA5xx() throws Exception {
        OpenApiOperations api = OpenApiOperations.fromGateway();
        int count = 0;
        operations = api.all();
        for (OpenApiOperations.Operation op : operations) {
            if (!List.of("post", "put", "patch").contains(op.method())) {
                continue;
            }
            count++;
            String path = op.pathWith(UUID.randomUUID().toString());
            JsonNode jsonSchema = op.bodies().get("application/json");
            if (jsonSchema == null && op.bodies().containsKey("application/x-ndjson")) {
                ndjson(api, op, path);
            } else if (jsonSchema == null) {
                // No body: whatever is sent is ignored or refused, never a 5xx.
                check(op, path, keyFor(op, path, Variant.of("malformed", "application/json", "{\"x\": ", false, null)),
                        Variant.of("body where none is taken", "application/json", "{\"x\": ", false, null));
            } else {
                json(api, op, path, jsonSchema);
            }
        }
        // What an accepted variant created (a webhook subscription, an API key) is removed again.
        for (String[] c : created) {
            given().header("X-API-Key", c[0]).delete(c[1]).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        }
        System.out.printf(Locale.ROOT, "bad-input battery: %d write operations, %d requests, %d failures%n",
                count, requests, failures.size());
        assertTrue(count >= 25, "the merged document lists the write operations (found " + count + ")");
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
    }

    private void json(OpenApiOperations api, OpenApiOperations.Operation op, String path, JsonNode schema) {
        JsonNode example = api.example(schema);
        List<Variant> variants = new ArrayList<>();
        String json = "application/json";
        variants.add(Variant.of("malformed JSON", json, "{\"broken\": ", true, null));
        variants.add(Variant.of("an array for the object", json, "[]", true, null));
        variants.add(Variant.of("a string for the object", json, "\"text\"", true, null));
        variants.add(Variant.of("not UTF-8", json, "", true, null).withBody(new byte[] {'{', '"', (byte) 0xC3, '"'}));
        variants.add(Variant.of("wrong content type", "text/plain", example.toString(), true, null));
        variants.add(Variant.of("XML content type", "application/xml", "<a>b</a>", true, null));
        variants.add(new Variant("oversized body (11 MB)", json, new byte[11 * 1024 * 1024], true, null));
        variants.add(Variant.of("empty body", json, "", false, null));
        variants.add(Variant.of("JSON null", json, "null", false, null));
        if (example.isObject()) {
            ObjectNode unknown = ((ObjectNode) example).deepCopy().put("unexpectedField", 1);
            variants.add(Variant.of("unknown field", json, unknown.toString(), true, "unexpectedField"));
            JsonNode properties = api.resolve(schema).path("properties");
            List<String> required = api.required(schema);
            properties.fields().forEachRemaining(p -> variants.addAll(fieldVariants(api, (ObjectNode) example,
                    p.getKey(), p.getValue(), required.contains(p.getKey()))));
        }
        String key = keyFor(op, path, variants.stream().filter(v -> v.name().equals("unknown field")).findFirst()
                .orElse(variants.get(0)));
        for (Variant v : variants) {
            check(op, path, key, v);
        }
    }

    private List<Variant> fieldVariants(OpenApiOperations api, ObjectNode example, String field, JsonNode schema,
            boolean required) {
        List<Variant> variants = new ArrayList<>();
        String json = "application/json";
        String type = api.type(schema);
        JsonNode wrongType = switch (type) {
            case "integer", "number" -> NODES.textNode("not a number");
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.objectNode().put("not", "an array");
            default -> NODES.objectNode().put("not", "a " + type);
        };
        variants.add(Variant.of(field + ": wrong type", json, with(example, field, wrongType), true, field));
        if (required) {
            ObjectNode missing = example.deepCopy();
            missing.remove(field);
            variants.add(Variant.of(field + ": missing", json, missing.toString(), true, field));
            variants.add(Variant.of(field + ": null", json, with(example, field, NODES.nullNode()), true, field));
        }
        if (type.equals("integer") || type.equals("number")) {
            variants.add(Variant.of(field + ": past long", json,
                    with(example, field, NODES.numberNode(new java.math.BigInteger("9223372036854775808"))),
                    type.equals("integer"), field));
            variants.add(Variant.of(field + ": 1e400", json, withRaw(example, field, "1e400"), false, field));
            variants.add(Variant.of(field + ": negative", json, with(example, field, NODES.numberNode(-1)), false,
                    field));
            variants.add(Variant.of(field + ": huge", json, with(example, field, NODES.numberNode(Long.MAX_VALUE)),
                    false, field));
        }
        if (type.equals("string")) {
            for (String s : EDGE_STRINGS) {
                variants.add(Variant.of(field + ": string '" + abbreviate(s) + "'", json,
                        with(example, field, NODES.textNode(s)), false, field));
            }
        }
        return variants;
    }

    private void ndjson(OpenApiOperations api, OpenApiOperations.Operation op, String path) {
        JsonNode example = api.example(op.bodies().get("application/x-ndjson"));
        if (!example.isObject()) { // expenditures: the NDJSON body is a stream of the JSON body's objects
            example = api.example(op.bodies().getOrDefault("application/json", NODES.objectNode()));
        }
        String nd = "application/x-ndjson";
        List<Variant> variants = new ArrayList<>(List.of(
                Variant.of("malformed line", nd, "{\"broken\": \n", false, null),
                Variant.of("an array line", nd, "[]\n", false, null),
                Variant.of("unknown field", nd, ((ObjectNode) example).deepCopy().put("unexpectedField", 1)
                        + "\n", false, null),
                Variant.of("wrong content type", "text/plain", example + "\n", true, null),
                Variant.of("empty body", nd, "", false, null),
                Variant.of("line over 64 KiB", nd, "{\"x\": \"" + HUGE_STRING + "\"}\n", false, null)));
        String key = keyFor(op, path, variants.get(0));
        for (Variant v : variants) {
            Response r = check(op, path, key, v);
            // Per-line answers: a bad line is rejected, never stored.
            if (r != null && r.statusCode() == 200 && !v.name().equals("empty body")
                    && r.jsonPath().getInt("rejected") != 1) {
                failures.add(op + " [" + v.name() + "] 200 without the line rejected: " + abbreviate(r.asString()));
            }
        }
    }

    /** The first key that gets past authentication and authorization, so validation itself is exercised. */
    private String keyFor(OpenApiOperations.Operation op, String path, Variant probe) {
        for (String key : KEYS) {
            int status = send(op, path, key, probe).statusCode();
            if (status != 401 && status != 403) {
                return key;
            }
        }
        failures.add(op + ": no demo key gets past authorization, nothing was validated");
        return KEYS.get(0);
    }

    private Response check(OpenApiOperations.Operation op, String path, String key, Variant v) {
        Response r = send(op, path, key, v);
        int status = r.statusCode();
        String where = op + " as " + key + " [" + v.name() + "] -> " + status;
        if (status >= 500) {
            failures.add(where + ": " + abbreviate(r.asString()));
            return r;
        }
        if (status >= 400) {
            String type = r.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(where + " is not problem+json: " + type);
            } else if (r.jsonPath().getInt("status") != status) {
                failures.add(where + ": problem status " + r.jsonPath().get("status"));
            } else if (status == 400 && v.mustBeRefused() && v.field() != null && !r.asString().contains(v.field())) {
                failures.add(where + ": the problem does not name " + v.field() + ": " + abbreviate(r.asString()));
            }
        } else if (v.mustBeRefused()) {
            failures.add(where + ": accepted");
        }
        if (status == 201 && r.contentType() != null && r.contentType().startsWith("application/json")
                && r.jsonPath().get("id") != null && operations.stream().anyMatch(o -> o.method().equals("delete")
                        && o.path().equals(op.path() + "/{id}"))) {
            created.add(new String[] {key, path + "/" + r.jsonPath().getString("id")});
        }
        return r;
    }

    private Response send(OpenApiOperations.Operation op, String path, String key, Variant v) {
        for (int attempt = 0; ; attempt++) {
            requests++;
            Response r = given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .header("X-API-Key", key).contentType(v.contentType()).body(v.body())
                    .request(op.method().toUpperCase(), path);
            if (r.statusCode() != 429 || attempt > 20) {
                return r;
            }
            Suite.sleep(Long.parseLong(r.header("Retry-After") == null ? "1" : r.header("Retry-After")) * 1000);
        }
    }

    private static String with(ObjectNode example, String field, JsonNode value) {
        ObjectNode copy = example.deepCopy();
        copy.set(field, value);
        return copy.toString();
    }

    /** A number no JSON library writes (it does not fit a double), spliced in as text. */
    private static String withRaw(ObjectNode example, String field, String raw) {
        String marker = "\"__raw_" + UUID.randomUUID() + "\"";
        return with(example, field, NODES.textNode(marker.substring(1, marker.length() - 1))).replace(marker, raw);
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7E]", "?"); // reports stay plain ASCII
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }

}
