package kr.go.ax.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode doc(String json) throws Exception {
        return MAPPER.readTree(json.replace('\'', '"'));
    }

    @Test
    void schemasThatClashAreQualifiedAndTheirReferencesFollow() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("applications", doc("""
                {'openapi': '3.1.0', 'paths': {'/api/v1/calls': {'get': {'operationId': 'list', 'summary': 's',
                  'tags': ['Calls'], 'security': [{'SecurityScheme': []}],
                  'responses': {'200': {'description': 'ok', 'content': {'application/json': {'schema':
                    {'$ref': '#/components/schemas/Call'}}}}}}}},
                 'components': {'schemas': {'Call': {'type': 'object'}, 'Shared': {'type': 'string'}}},
                 'tags': [{'name': 'Calls'}]}"""));
        documents.put("budget", doc("""
                {'openapi': '3.1.0', 'paths': {'/api/v1/budget/x': {'post': {'operationId': 'list', 'summary': 's',
                  'tags': ['Budget'], 'requestBody': {'content': {}},
                  'responses': {'200': {'description': 'ok', 'content': {'application/json': {'schema':
                    {'$ref': '#/components/schemas/Call'}}}}}}}},
                 'components': {'schemas': {'Call': {'type': 'integer'}, 'Shared': {'type': 'string'}}}}"""));
        JsonNode merged = new OpenApiMerger(MAPPER).merge(documents, "1");

        assertEquals("object", merged.at("/components/schemas/Call/type").asText());
        assertEquals("integer", merged.at("/components/schemas/BudgetCall/type").asText());
        assertFalse(merged.at("/components/schemas").has("BudgetShared"), "identical schemas are kept once");
        assertFalse(merged.at("/components/schemas").has("Shared"), "a schema no operation reaches is dropped");
        assertEquals("#/components/schemas/BudgetCall", merged.at(
                "/paths/~1api~1v1~1budget~1x/post/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("budget_list", merged.at("/paths/~1api~1v1~1budget~1x/post/operationId").asText());
        assertTrue(merged.at("/paths/~1api~1v1~1calls/get/security").isMissingNode(), "internal security dropped");
        assertEquals("X-API-Key", merged.at("/components/securitySchemes/ApiKey/name").asText());
        assertEquals("#/components/schemas/Problem", merged.at(
                "/paths/~1api~1v1~1budget~1x/post/responses/413/content/application~1problem+json/schema/$ref")
                .asText());
        assertTrue(merged.at("/paths/~1api~1v1~1calls/get/responses/413").isMissingNode(), "no body, no 413");
        assertEquals(java.util.Set.of(), OpenApiMerger.undocumented(merged));
    }
}
