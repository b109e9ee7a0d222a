package kr.go.ax.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the services' OpenAPI documents into the one public contract served by the gateway: every path, schemas
 * (renamed {@code <Service><Name>} where two services mean different things by one name), tags, the API-key security
 * of the gateway instead of the services' internal token, and the problem+json answers the gateway itself can give
 * on every operation. Pure: documents in, document out.
 */
public final class OpenApiMerger {
    static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final ObjectMapper mapper;

    public OpenApiMerger(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode merge(Map<String, JsonNode> documents, String version) {
        ObjectNode merged = mapper.createObjectNode();
        // The services' generator decides the dialect (3.1 today); they all run the same one.
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText(null))
                .filter(java.util.Objects::nonNull).findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Regional AX Platform API");
        info.put("version", version);
        info.put("description", "The public API of the Region-Led AI Transformation programme, through its gateway."
                + " Authenticate with an API key in the X-API-Key header (Authorize). Errors are RFC 9457"
                + " application/problem+json.");
        info.putObject("contact").put("name", "AX platform team").put("email", "dev@ax-platform.local");
        merged.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Set<String> operationIds = new java.util.HashSet<>();

        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            String service = entry.getKey();
            ObjectNode document = entry.getValue().deepCopy();
            JsonNode ownSchemas = document.path("components").path("schemas");
            Map<String, String> renames = new LinkedHashMap<>();
            if (ownSchemas instanceof ObjectNode own) {
                for (Iterator<String> names = own.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    JsonNode existing = schemas.get(name);
                    if (existing != null && !existing.equals(own.get(name))) {
                        renames.put(name, capitalise(service) + name);
                    }
                }
                rewriteRefs(document, renames);
                for (Iterator<Map.Entry<String, JsonNode>> it = own.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> schema = it.next();
                    schemas.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue());
                }
            }
            document.path("paths").fields().forEachRemaining(path -> {
                path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue() instanceof ObjectNode operation && operation.hasNonNull("operationId")
                            && !operationIds.add(operation.get("operationId").asText())) {
                        // Two services chose the same id: the later one is qualified by its service.
                        operation.put("operationId", service + "_" + operation.get("operationId").asText());
                        operationIds.add(operation.get("operationId").asText());
                    }
                });
                paths.set(path.getKey(), path.getValue());
            });
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag);
            }
        }
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);

        schemas.set("Problem", problemSchema());
        pruneUnreferenced(merged, schemas);
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("ApiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key")
                .put("description", "The client's API key; the gateway forwards a signed identity to the services");
        merged.putArray("security").addObject().putArray("ApiKey");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode operation) {
                operation.remove("security"); // the services' internal bearer token is not the public contract
                addGatewayAnswers(operation);
            }
        }));
        return merged;
    }

    /** What the gateway itself may answer on any operation, before or instead of the service. */
    private void addGatewayAnswers(ObjectNode operation) {
        ObjectNode responses = operation.with("responses");
        answer(responses, "401", "No or an unknown API key");
        answer(responses, "403", "The key's role may not do this");
        answer(responses, "429", "Over the client's rate limit; see Retry-After and RateLimit-*");
        answer(responses, "502", "The service is not answering");
        answer(responses, "503", "The service failed repeatedly; held off for Retry-After seconds");
        answer(responses, "504", "The service did not answer in time");
        if (operation.has("requestBody")) {
            answer(responses, "400", "Malformed JSON, wrong types, unknown fields or broken constraints");
            answer(responses, "413", "The body is over the route's limit");
        }
    }

    private void answer(ObjectNode responses, String status, String description) {
        if (responses.has(status)) {
            JsonNode existing = responses.get(status);
            if (existing.has("content")) {
                return;
            }
            responses.remove(status);
        }
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", SCHEMAS + "Problem");
    }

    private ObjectNode problemSchema() {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "RFC 9457 problem details, with a stable code and the request id");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("example", "urn:ax:problem:validation-failed");
        properties.putObject("title").put("type", "string").put("example", "Request is not valid");
        properties.putObject("status").put("type", "integer").put("example", 400);
        properties.putObject("detail").put("type", "string").put("example", "1 field(s) break a rule");
        properties.putObject("instance").put("type", "string").put("example", "/api/v1/applications");
        properties.putObject("code").put("type", "string").put("example", "VALIDATION_FAILED");
        properties.putObject("requestId").put("type", "string");
        ObjectNode violation = properties.putObject("violations").put("type", "array").putObject("items");
        violation.put("type", "object");
        ObjectNode fields = violation.putObject("properties");
        fields.putObject("field").put("type", "string").put("example", "fundingRules.centralShareMaxBp");
        fields.putObject("rule").put("type", "string").put("example", "range");
        fields.putObject("message").put("type", "string");
        schema.putArray("required").add("type").add("title").add("status").add("code");
        return schema;
    }

    /**
     * Drops schemas no operation reaches (types a generator scanned but the API never uses, such as Jackson's own
     * JsonNode), so clients get no stray classes.
     */
    private static void pruneUnreferenced(ObjectNode merged, ObjectNode schemas) {
        Set<String> reached = new java.util.HashSet<>(Set.of("Problem"));
        java.util.Deque<JsonNode> pending = new java.util.ArrayDeque<>();
        pending.add(merged.path("paths"));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String name = ref.asText().substring(SCHEMAS.length());
                if (reached.add(name) && schemas.has(name)) {
                    pending.add(schemas.get(name));
                }
            }
            node.elements().forEachRemaining(pending::add);
        }
        for (Iterator<String> names = schemas.fieldNames(); names.hasNext(); ) {
            if (!reached.contains(names.next())) {
                names.remove();
            }
        }
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String name = ref.asText().substring(SCHEMAS.length());
                if (renames.containsKey(name)) {
                    object.put("$ref", SCHEMAS + renames.get(name));
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static String capitalise(String service) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }

    /** Names of operations without a summary or tags: the console shows them badly, so tests insist. */
    public static Set<String> undocumented(JsonNode merged) {
        Set<String> missing = new TreeSet<>();
        merged.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey()) && (!op.getValue().hasNonNull("summary")
                    || op.getValue().path("tags").isEmpty())) {
                missing.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return missing;
    }
}
