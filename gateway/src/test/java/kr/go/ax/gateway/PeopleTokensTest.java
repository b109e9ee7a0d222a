package kr.go.ax.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoServiceResource.class)
class PeopleTokensTest {

    static String idpToken(String issuer, String subject, Set<String> groups, long expiresInSeconds) {
        return Jwt.issuer(issuer).audience("ax-platform").subject(subject).upn(subject).groups(groups)
                .expiresIn(expiresInSeconds)
                .sign(idpKey());
    }

    /** The stand-in provider's private key (src/test/resources/idp-test). */
    static java.security.PrivateKey idpKey() {
        try {
            return io.smallrye.jwt.util.KeyUtils.readPrivateKey("idp-test/private.pem");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonPath forwardedClaims(String authorization) {
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    @Test
    void aPersonsProviderTokenBecomesTheGatewaysInternalToken() {
        String token = idpToken(EchoServiceResource.IDP_ISSUER, "evaluator-7", Set.of("evaluator", "offline"), 300);
        for (int i = 0; i < 2; i++) { // the second time from memory
            String forwarded = given().header("Authorization", "Bearer " + token).get("/api/v1/evaluation/x")
                    .then().statusCode(200).extract().jsonPath().getString("headers.authorization");
            JsonPath claims = forwardedClaims(forwarded);
            assertEquals("oidc:evaluator-7", claims.getString("sub"));
            assertEquals(List.of("evaluator"), claims.getList("groups"));
            assertEquals("ax-gateway", claims.getString("iss"), "the provider's token never reaches a service");
        }
        // A body sent with a first-seen token is held while it is verified, then streamed whole.
        String other = idpToken(EchoServiceResource.IDP_ISSUER, "admin-kim", Set.of("admin"), 300);
        given().header("Authorization", "Bearer " + other).contentType("application/octet-stream")
                .body(new byte[300_000]).post("/api/v1/applications/x")
                .then().statusCode(200).body("bodyLength", equalTo(300_000));

        // People share one metrics series: a subject per person would grow the series without end.
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.lines().anyMatch(line -> line.startsWith(
                "ax_gateway_requests_seconds_count{") && line.contains("client=\"people\"")
                && line.contains("route=\"evaluation\"")), "no series for people on the evaluation route");
        org.junit.jupiter.api.Assertions.assertFalse(metrics.contains("oidc:"), "a person's subject in the metrics");
    }

    @Test
    void tokensFromElsewhereExpiredOrWithoutARoleAreRefused() {
        given().header("Authorization", "Bearer " + idpToken("https://evil.test", "admin", Set.of("admin"), 300))
                .get("/api/v1/calls").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + idpToken(EchoServiceResource.IDP_ISSUER, "admin",
                Set.of("admin"), -60)).get("/api/v1/calls").then().statusCode(401);
        given().header("Authorization", "Bearer " + idpToken(EchoServiceResource.IDP_ISSUER, "someone",
                Set.of("staff"), 300)).get("/api/v1/calls").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/calls").then().statusCode(401);
        // Issued by the right provider, for another application.
        given().header("Authorization", "Bearer " + Jwt.issuer(EchoServiceResource.IDP_ISSUER).audience("webmail")
                .subject("admin").groups(Set.of("admin")).expiresIn(300).sign(idpKey()))
                .get("/api/v1/calls").then().statusCode(401);
    }
}
