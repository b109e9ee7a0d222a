package kr.go.ax.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operations of the gateway's merged OpenAPI document, and for each request schema a body built from its
 * examples: what the batteries start from, so an endpoint added to any service is covered without a new test.
 */
final class OpenApiOperations {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Operation(String method, String path, List<String> pathParameters, Map<String, JsonNode> bodies) {
        /** The path with every parameter replaced by {@code id}. */
        String pathWith(String id) {
            String p = path;
            for (String name : pathParameters) {
                p = p.replace("{" + name + "}", id);
            }
            return p;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private final JsonNode document;

    OpenApiOperations(String json) throws Exception {
        this.document = JSON.readTree(json);
    }

    /** The document the gateway serves now. */
    static OpenApiOperations fromGateway() throws Exception {
        return new OpenApiOperations(io.restassured.RestAssured.given().get("/openapi").then().statusCode(200)
                .extract().asString());
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                List<String> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> {
                    if ("path".equals(p.path("in").asText())) {
                        parameters.add(p.path("name").asText());
                    }
                });
                Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
                op.getValue().path("requestBody").path("content").fields().forEachRemaining(c ->
                        bodies.put(c.getKey(), c.getValue().path("schema")));
                operations.add(new Operation(op.getKey(), path.getKey(), parameters, bodies));
            }
        }
        return operations;
    }

    JsonNode resolve(JsonNode schema) {
        int depth = 0;
        while (schema.has("$ref") && depth++ < 10) {
            String ref = schema.get("$ref").asText(); // #/components/schemas/Name
            JsonNode target = document.at(ref.substring(1));
            if (schema.size() > 1 && target.isObject()) { // sibling keywords (examples, description) win
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                schema.fields().forEachRemaining(f -> {
                    if (!"$ref".equals(f.getKey())) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                return merged;
            }
            schema = target;
        }
        return schema;
    }

    /** A value the schema describes: its first example where it has one, else a plain value of its type. */
    JsonNode example(JsonNode schema) {
        return example(schema, 0);
    }

    private JsonNode example(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (depth > 8) {
            return NODES.nullNode();
        }
        switch (type(schema)) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), example(p.getValue(), depth + 1)));
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(example(schema.path("items"), depth + 1));
                return array;
            }
            case "integer":
                return NODES.numberNode(schema.path("minimum").asLong(1));
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(false);
            default:
                String format = schema.path("format").asText();
                if (format.equals("uuid")) {
                    return NODES.textNode(UUID.randomUUID().toString());
                }
                if (format.equals("date-time")) {
                    return NODES.textNode("2026-07-01T00:00:00Z");
                }
                if (format.equals("date")) {
                    return NODES.textNode("2026-07-01");
                }
                return schema.has("enum") ? schema.get("enum").get(0) : NODES.textNode("x");
        }
    }

    /** The schema's type, {@code object} when it only lists properties. */
    String type(JsonNode schema) {
        schema = resolve(schema);
        JsonNode type = schema.path("type");
        if (type.isArray()) { // OpenAPI 3.1: ["string", "null"]
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        resolve(schema).path("required").forEach(n -> names.add(n.asText()));
        return names;
    }
}
