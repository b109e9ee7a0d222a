package kr.go.ax.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoServiceResource.class)
class ApiKeyManagementTest {
    static final String KEYS = "/api/v1/gateway/api-keys";

    static String subjectSeenByService(String apiKey) {
        String authorization = given().header("X-API-Key", apiKey).get("/api/v1/calls").then().statusCode(200)
                .extract().jsonPath().getString("headers.authorization");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .getString("sub");
    }

    @Test
    void keysAreMadeRotatedAndRevokedWithoutRestart() {
        String name = "busan-portal-" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath created = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", List.of("portal")))
                .post(KEYS).then().statusCode(201)
                .body("key", startsWith("axk_"))
                .body("roles", equalTo(List.of("portal")))
                .body("id", notNullValue())
                .extract().jsonPath();
        String id = created.getString("id");
        String key = created.getString("key");
        // Effective at once: the service sees the key's name as the subject.
        assertEquals(name, subjectSeenByService(key));
        // Listed without the secret.
        List<Map<String, Object>> listed = given().header("X-API-Key", "demo-admin").get(KEYS).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.id == '" + id + "' }");
        assertEquals(1, listed.size());
        assertEquals(created.getString("keyPrefix"), listed.get(0).get("keyPrefix"));
        given().header("X-API-Key", "demo-admin").get(KEYS).then().body("[0]", not(hasKey("key")));
        // A portal key cannot manage keys.
        given().header("X-API-Key", key).get(KEYS).then().statusCode(403).contentType("application/problem+json");

        String rotated = given().header("X-API-Key", "demo-admin").post(KEYS + "/" + id + "/rotate")
                .then().statusCode(200).body("rotatedAt", notNullValue()).extract().path("key");
        assertNotEquals(key, rotated);
        given().header("X-API-Key", key).get("/api/v1/calls").then().statusCode(401);
        assertEquals(name, subjectSeenByService(rotated));

        given().header("X-API-Key", "demo-admin").delete(KEYS + "/" + id).then().statusCode(204);
        given().header("X-API-Key", rotated).get("/api/v1/calls").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", "demo-admin").get(KEYS).then()
                .body("find { it.id == '" + id + "' }.revokedAt", notNullValue());
        given().header("X-API-Key", "demo-admin").delete(KEYS + "/" + id).then().statusCode(409);
        given().header("X-API-Key", "demo-admin").post(KEYS + "/" + UUID.randomUUID() + "/rotate").then()
                .statusCode(404);
    }

    @Inject
    AgroalDataSource database;

    /**
     * A key made and then revoked by another gateway instance (here: written straight to the table, as that instance
     * would) works here, and then stops working, within the refresh interval: the change counter moved.
     */
    @Test
    void keysChangedElsewhereTakeEffectWithinTheRefresh() throws Exception {
        String name = "other-instance-" + UUID.randomUUID().toString().substring(0, 6);
        String key = "axk_" + UUID.randomUUID().toString().replace("-", "") + "elsewhere";
        UUID id = UUID.randomUUID();
        sql("INSERT INTO api_key (id, name, key_hash, key_prefix, roles, created_by, created_at) "
                + "VALUES ('" + id + "', '" + name + "', '" + kr.go.ax.gateway.auth.ApiKeys.hash(key) + "', 'axk_xx', "
                + "'[\"portal\"]', 'test', now())");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("X-API-Key", key)
                .get("/api/v1/calls").then().statusCode(200));
        assertEquals(name, subjectSeenByService(key));

        sql("UPDATE api_key SET revoked_at = now(), revoked_by = 'test' WHERE id = '" + id + "'");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("X-API-Key", key)
                .get("/api/v1/calls").then().statusCode(401));
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = database.getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void aRegionKeyCarriesItsRegion() {
        String name = "jeonbuk-it-" + UUID.randomUUID().toString().substring(0, 6);
        String key = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"roles\": [\"region\"], \"regionCode\": \"KR-52\"}")
                .post(KEYS).then().statusCode(400).body("violations[0].field", equalTo("regionCode"))
                .extract().path("key");
        key = given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"roles\": [\"region\"], \"regionCode\": \"KR-45\"}")
                .post(KEYS).then().statusCode(201).body("regionCode", equalTo("KR-45")).extract().path("key");
        String authorization = given().header("X-API-Key", key).get("/api/v1/calls").then().statusCode(200)
                .extract().jsonPath().getString("headers.authorization");
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(
                authorization.substring("Bearer ".length()).split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("KR-45", claims.getString("region"));
        assertEquals(List.of("region"), claims.getList("groups"));
    }

    @Test
    void badRequestsAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x1", "roles", List.of("portal"))).post(KEYS)
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("X-API-Key", "not-a-key").get(KEYS).then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(Map.of("name", "Bad Name!", "roles", List.of("superuser")))
                .post(KEYS).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("name", "roles[0]")));
        given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body("{\"name\": \"mixed-1\", \"roles\": [\"region\", \"admin\"], \"regionCode\": \"KR-26\"}")
                .post(KEYS).then().statusCode(400).body("violations[0].rule", equalTo("region-alone"));
        given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body("{\"name\": \"portal-2\", \"roles\": [\"portal\"], \"regionCode\": \"KR-26\"}")
                .post(KEYS).then().statusCode(400).body("violations[0].field", equalTo("regionCode"));
        given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON).body("{\"name\": ")
                .post(KEYS).then().statusCode(400).contentType("application/problem+json");
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 6);
        given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", List.of("portal"))).post(KEYS).then().statusCode(201);
        given().header("X-API-Key", "demo-admin").contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", List.of("portal"))).post(KEYS).then().statusCode(409)
                .body("code", equalTo("NAME_TAKEN"));
    }
}
