package kr.go.ax.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoServiceResource.class)
class ProxyRoutesTest {

    @Test
    void missingApiKeyIsRejectedWithProblem() {
        given().when().get("/api/v1/calls")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/calls"))
                .body("requestId", notNullValue());
    }

    @Test
    void wrongApiKeyIsRejected() {
        given().header("X-API-Key", "demo-region-KR-99").when().get("/api/v1/calls")
                .then().statusCode(401).body("detail", containsString("not valid"));
    }

    @Test
    void regionKeyIsForwardedAsSignedTokenWithItsRegion() throws Exception {
        Response response = given().header("X-API-Key", "demo-region-KR-26").header("X-Request-Id", "req-123")
                .when().get("/api/v1/calls/abc?x=1");
        response.then().statusCode(200)
                .header("X-Request-Id", "req-123")
                .body("path", equalTo("/api/v1/calls/abc?x=1"))
                .body("headers", not(hasKey("x-api-key")))
                .body("headers.x-request-id", equalTo("req-123"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-for", anyOf(equalTo("127.0.0.1"), equalTo("0:0:0:0:0:0:0:1")))
                .body("headers.x-forwarded-host", startsWith("localhost:"));

        assertEquals(List.of("req-123"), response.headers().getValues("X-Request-Id"), "one request id header");

        String authorization = response.jsonPath().getString("headers.authorization");
        assertTrue(authorization.startsWith("Bearer "), authorization);
        String[] jwt = authorization.substring("Bearer ".length()).split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(EchoServiceResource.keyPair.getPublic());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(jwt[2])), "token signed with the gateway key");

        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8));
        assertEquals("region-KR-26", claims.getString("sub"));
        assertEquals("KR-26", claims.getString("region"));
        assertEquals(List.of("region"), claims.getList("groups"));
        assertEquals("ax-gateway", claims.getString("iss"));
        long lifetime = claims.getLong("exp") - claims.getLong("iat");
        assertTrue(lifetime > 0 && lifetime <= 300, "short-lived token: " + lifetime + " s");
    }

    @Test
    void requestIdIsGeneratedWhenAbsent() {
        Response response = given().header("X-API-Key", "demo-admin").when().get("/api/v1/evaluation/x");
        String id = response.header("X-Request-Id");
        assertTrue(id != null && id.length() >= 32, "generated id: " + id);
        assertEquals(id, response.jsonPath().getString("headers.x-request-id"));
    }

    @Test
    void bodiesAreStreamedToTheService() {
        byte[] body = new byte[3 * 1024 * 1024];
        given().header("X-API-Key", "demo-admin").contentType("application/octet-stream").body(body)
                .when().post("/api/v1/applications")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(body.length));
    }

    @Test
    void headersNamedInConnectionAreNotForwarded() {
        given().header("X-API-Key", "demo-admin").header("Connection", "keep-alive, X-Secret-Hop")
                .header("X-Secret-Hop", "1").header("X-Kept", "2")
                .when().get("/api/v1/calls")
                .then().statusCode(200)
                .body("headers", not(hasKey("x-secret-hop")))
                .body("headers.x-kept", equalTo("2"));
    }

    @Test
    void unreachableServiceIsAProblemWithRetryAfter() {
        // 502 while the circuit is closed, 503 once repeated failures opened it (another test may have).
        given().header("X-API-Key", "demo-admin").when().get("/api/v1/budget/ledger/1")
                .then().statusCode(org.hamcrest.Matchers.oneOf(502, 503))
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("detail", containsString("budget"));
    }

    @Test
    void unknownPathIsAProblem() {
        given().header("X-API-Key", "demo-admin").when().get("/api/v2/nothing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void prefixMustMatchAWholePathSegment() {
        given().header("X-API-Key", "demo-admin").when().get("/api/v1/callsXYZ")
                .then().statusCode(404);
    }
}
