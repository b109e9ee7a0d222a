package kr.go.ax.applications.applications;

import static io.restassured.RestAssured.given;
import static kr.go.ax.applications.Fixtures.region;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import kr.go.ax.applications.Fixtures;
import org.junit.jupiter.api.Test;

/** Idempotency keys, optimistic concurrency and bad input on the application routes. */
@QuarkusTest
class ApplicationRequestsTest {
    private static final String REGION = "KR-28";

    @Test
    void sameKeySameBodyReplaysTheFirstResponse() {
        String callId = Fixtures.openCall();
        String key = UUID.randomUUID().toString();
        String body = Fixtures.applicationBody(callId, "Incheon");
        Response first = given().header("Authorization", region(REGION)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/applications");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        given().header("Authorization", region(REGION)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/applications")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
        given().header("Authorization", region(REGION)).get("/api/v1/applications?callId=" + callId)
                .then().body("total", equalTo(1));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneApplication() throws Exception {
        String callId = Fixtures.openCall();
        String key = UUID.randomUUID().toString();
        String body = Fixtures.applicationBody(callId, "raced");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var futures = new java.util.ArrayList<java.util.concurrent.Future<Response>>();
        for (int i = 0; i < 4; i++) {
            futures.add(pool.submit(() -> given().header("Authorization", region("KR-41"))
                    .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/applications")));
        }
        int created = 0;
        for (var future : futures) {
            Response response = future.get();
            int status = response.statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 201 || status == 409, "status " + status);
            if (status == 201 && response.header("Idempotent-Replayed") == null) {
                created++;
            }
            if (status == 409) {
                org.junit.jupiter.api.Assertions.assertEquals("IDEMPOTENCY_KEY_IN_USE", response.path("code"));
            }
        }
        pool.shutdown();
        org.junit.jupiter.api.Assertions.assertEquals(1, created, "one request ran; the others were refused or replayed");
        given().header("Authorization", region("KR-41")).get("/api/v1/applications?callId=" + callId)
                .then().body("total", equalTo(1));
    }

    @Test
    void sameKeyDifferentBodyIs422() {
        String callId = Fixtures.openCall();
        String key = UUID.randomUUID().toString();
        given().header("Authorization", region(REGION)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Fixtures.applicationBody(callId, "one"))
                .post("/api/v1/applications").then().statusCode(201);
        given().header("Authorization", region(REGION)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Fixtures.applicationBody(callId, "two"))
                .post("/api/v1/applications")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void submitRetriedWithItsKeyHappensOnce() {
        String callId = Fixtures.openCall();
        String id = Fixtures.draft(callId, "KR-46");
        String key = UUID.randomUUID().toString();
        String receipt = given().header("Authorization", region("KR-46")).header("Idempotency-Key", key)
                .post("/api/v1/applications/" + id + "/submit").then().statusCode(202).extract().asString();
        String replay = given().header("Authorization", region("KR-46")).header("Idempotency-Key", key)
                .post("/api/v1/applications/" + id + "/submit").then().statusCode(202)
                .header("Idempotent-Replayed", "true").extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(receipt, replay);
        given().header("Authorization", region("KR-46")).get("/api/v1/applications/" + id + "/history")
                .then().body("size()", equalTo(2));
    }

    @Test
    void staleOrMissingIfMatchIsRefused() {
        String callId = Fixtures.openCall();
        String id = Fixtures.draft(callId, REGION);
        given().header("Authorization", region(REGION)).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "no precondition"))
                .put("/api/v1/applications/" + id).then().statusCode(428)
                .body("code", equalTo("PRECONDITION_REQUIRED"));
        given().header("Authorization", region(REGION)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "first edit"))
                .put("/api/v1/applications/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().header("Authorization", region(REGION)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "lost update"))
                .put("/api/v1/applications/" + id).then().statusCode(412)
                .body("code", equalTo("STALE_VERSION"));
        given().header("Authorization", region(REGION)).get("/api/v1/applications/" + id)
                .then().body("title", equalTo("first edit"));
    }

    @Test
    void badValuesNameTheirField() {
        String callId = Fixtures.openCall();
        given().header("Authorization", region(REGION)).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "x".repeat(201)))
                .post("/api/v1/applications").then().statusCode(400)
                .body("violations[0].field", equalTo("title"));
        given().header("Authorization", region(REGION)).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "neg").replaceFirst("\"centralKrw\": 3000000000",
                        "\"centralKrw\": -1"))
                .post("/api/v1/applications").then().statusCode(400)
                .body("violations[0].field", equalTo("projects[0].budget[0].centralKrw"))
                .body("violations[0].rule", equalTo("min"));
        given().header("Authorization", region(REGION)).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "huge").replaceFirst("\"centralKrw\": 3000000000",
                        "\"centralKrw\": 92233720368547758070"))
                .post("/api/v1/applications").then().statusCode(400)
                .body("violations[0].field", equalTo("projects[0].budget[0].centralKrw"));
        given().header("Authorization", region(REGION)).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "enum").replace("AI_SOLUTION_DEVELOPMENT", "TELEPORTATION"))
                .post("/api/v1/applications").then().statusCode(400)
                .body("violations[0].field", equalTo("projects[0].type"));
        given().header("Authorization", region(REGION)).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(UUID.randomUUID().toString(), "no call"))
                .post("/api/v1/applications").then().statusCode(422)
                .body("code", equalTo("CALL_NOT_FOUND"));
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String callId = Fixtures.openCall();
        // Announce 11 MB and see the server refuse from the headers alone, before the body is sent.
        try (var socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + region(REGION) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n{";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            org.junit.jupiter.api.Assertions.assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine);
        }
        given().header("Authorization", region(REGION)).get("/api/v1/applications?callId=" + callId)
                .then().body("total", equalTo(0));
    }

    @Test
    void nulCharacterIsRejectedNotStored() {
        String callId = Fixtures.openCall();
        given().header("Authorization", region(REGION)).contentType(ContentType.JSON)
                .body(Fixtures.applicationBody(callId, "nul\\u0000title"))
                .post("/api/v1/applications").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"));
    }
}
