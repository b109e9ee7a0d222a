package kr.go.ax.applications.webhooks;

import static io.restassured.RestAssured.given;
import static kr.go.ax.applications.Fixtures.admin;
import static kr.go.ax.applications.Fixtures.region;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.go.ax.applications.Fixtures;
import kr.go.ax.common.testing.TestTokens;
import kr.go.ax.common.testing.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhooksTest {
    static String portal(String subject) {
        return TestTokens.bearer(TestTokens.token(subject, Set.of("portal"), null));
    }

    static JsonPath subscribe(String auth, String url, String typesJson) {
        return given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"url\": \"" + url + "\", \"eventTypes\": " + typesJson + "}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void subscriptionsAreThePortalsOwnAndTheSecretIsShownOnce() {
        String portalA = portal("portal-a-" + UUID.randomUUID());
        JsonPath created = subscribe(portalA, "https://portal.example.kr/hooks", "[\"*\"]");
        String id = created.getString("id");
        assertTrue(created.getString("secret").startsWith("whsec_"));
        given().header("Authorization", portalA).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("secret", nullValue()).body("status", equalTo("ACTIVE")).body("eventTypes", contains("*"));
        given().header("Authorization", portalA).get("/api/v1/webhooks").then().statusCode(200)
                .body("id", contains(id));
        given().header("Authorization", portal("portal-b-" + UUID.randomUUID())).get("/api/v1/webhooks/" + id)
                .then().statusCode(404);
        given().header("Authorization", region("KR-26")).get("/api/v1/webhooks").then().statusCode(403);
        given().header("Authorization", admin()).get("/api/v1/webhooks").then().statusCode(200)
                .body("id", hasItem(id));

        String rotated = given().header("Authorization", portalA).post("/api/v1/webhooks/" + id + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");
        assertNotEquals(created.getString("secret"), rotated);
        given().header("Authorization", portalA).contentType(ContentType.JSON)
                .body("{\"eventTypes\": [\"kr.go.ax.call.opened.v1\"]}").patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("eventTypes", contains("kr.go.ax.call.opened.v1"))
                .body("url", equalTo("https://portal.example.kr/hooks"));
        given().header("Authorization", portalA).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().header("Authorization", portalA).get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void onlyHttpUrlsAndOnlyEventsThePortalMayRead() {
        String portalA = portal("portal-" + UUID.randomUUID());
        for (String url : List.of("ftp://portal.example.kr/x", "javascript:alert(1)", "https://user@host.kr/x", "")) {
            given().header("Authorization", portalA).contentType(ContentType.JSON)
                    .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"*\"]}").post("/api/v1/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("url"));
        }
        given().header("Authorization", portalA).contentType(ContentType.JSON)
                .body("{\"url\": \"https://portal.example.kr/h\", \"eventTypes\": [\"kr.go.ax.call.opened.v1\","
                        + " \"kr.go.ax.budget.assessed.v1\"]}").post("/api/v1/webhooks")
                .then().statusCode(422).body("code", equalTo("EVENT_TYPE_NOT_ALLOWED"))
                .body("violations.field", contains("eventTypes[1]"));
        subscribe(admin(), "https://ops.example.kr/h", "[\"kr.go.ax.budget.assessed.v1\"]");
    }

    @Test
    void aDeliveryIsTheCloudEventSignedPerStandardWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String portalA = portal("portal-" + UUID.randomUUID());
            JsonPath sub = subscribe(portalA, receiver.url("/hooks"), "[\"*\"]");
            String id = sub.getString("id");
            String deliveryId = given().header("Authorization", portalA).post("/api/v1/webhooks/" + id + "/test")
                    .then().statusCode(202).body("eventType", equalTo("kr.go.ax.webhook.test.v1"))
                    .extract().path("id");
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.at("/hooks").isEmpty());
            WebhookReceiver.Received got = receiver.at("/hooks").get(0);
            new Webhook(sub.getString("secret")).verify(got.body(), got.headers()); // throws when it does not match
            assertTrue(got.header("webhook-signature").startsWith("v1,"));
            assertTrue(got.header("Content-Type").startsWith("application/cloudevents+json"));
            JsonPath event = new JsonPath(got.body());
            assertEquals("1.0", event.getString("specversion"));
            assertEquals("kr.go.ax.webhook.test.v1", event.getString("type"));
            assertEquals(got.header("webhook-id"), event.getString("id"), "webhook-id is the event id");
            assertEquals(id, event.getString("data.subscriptionId"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                    .header("Authorization", portalA).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).body("[0].id", equalTo(deliveryId))
                    .body("[0].status", equalTo("DELIVERED")).body("[0].attempts", equalTo(1))
                    .body("[0].lastStatusCode", equalTo(204)));
        }
    }

    @Test
    void eventsFromKafkaReachEachSubscriberItMayRead() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(portal("portal-" + UUID.randomUUID()), receiver.url("/portal"), "[\"*\"]");
            subscribe(admin(), receiver.url("/admin"), "[\"kr.go.ax.call.created.v1\", \"kr.go.ax.call.opened.v1\"]");
            String callId = Fixtures.openCall(); // created as a DRAFT, then opened
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> types(receiver, "/admin", callId).size() == 2);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !types(receiver, "/portal", callId)
                    .isEmpty());
            Thread.sleep(1000); // anything else would have arrived by now
            assertEquals(List.of("kr.go.ax.call.created.v1", "kr.go.ax.call.opened.v1"),
                    types(receiver, "/admin", callId).stream().sorted().toList());
            assertEquals(List.of("kr.go.ax.call.opened.v1"), types(receiver, "/portal", callId),
                    "a portal never sees the call while it is a draft");
        }
    }

    @Test
    void aSubscriptionHearsWhatIsPublishedRightAfterItIsMadeThoughEarlierEventsWereSkippedWithoutIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // The consumer reads the subscriptions for these events (within milliseconds) before the new one exists ...
            String before = Fixtures.openCall();
            Thread.sleep(2000);
            subscribe(admin(), receiver.url("/new"), "[\"kr.go.ax.call.opened.v1\"]");
            // ... and must read them again for an event published after the subscription committed.
            String after = Fixtures.openCall();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> types(receiver, "/new", after).size() == 1);
            assertEquals(List.of(), types(receiver, "/new", before), "nothing from before the subscription");
        }
    }

    static List<String> types(WebhookReceiver receiver, String path, String callId) {
        return receiver.at(path).stream().map(r -> new JsonPath(r.body()))
                .filter(e -> callId.equals(e.getString("data.id"))).map(e -> e.getString("type")).toList();
    }

    @Test
    void failuresAreRetriedThenTheSubscriptionIsDisabledAndComesBackByHand() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.status.set(503);
            String portalA = portal("portal-" + UUID.randomUUID());
            String id = subscribe(portalA, receiver.url("/down"), "[\"kr.go.ax.webhook.test.v1\"]").getString("id");
            String first = given().header("Authorization", portalA).post("/api/v1/webhooks/" + id + "/test")
                    .then().statusCode(202).extract().path("id");
            given().header("Authorization", portalA).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            // 3 attempts each (test profile), 5 failures in a row disable the subscription.
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .header("Authorization", portalA).get("/api/v1/webhooks/" + id).then()
                    .body("status", equalTo("DISABLED")).body("disabledReason", startsWith("5 failed attempts")));
            given().header("Authorization", portalA).get("/api/v1/webhooks/" + id + "/deliveries?status=FAILED")
                    .then().statusCode(200).body("id", hasItem(first)).body("[0].lastStatusCode", equalTo(503))
                    .body("[0].lastError", equalTo("answered HTTP 503"));
            given().header("Authorization", portalA).post("/api/v1/webhooks/" + id + "/deliveries/" + first
                    + "/redeliver").then().statusCode(409).body("code", equalTo("SUBSCRIPTION_DISABLED"));

            receiver.status.set(200);
            given().header("Authorization", portalA).contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\"}")
                    .patch("/api/v1/webhooks/" + id).then().statusCode(200).body("consecutiveFailures", equalTo(0));
            given().header("Authorization", portalA).post("/api/v1/webhooks/" + id + "/deliveries/" + first
                    + "/redeliver").then().statusCode(202).body("status", equalTo("PENDING"));
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                    .header("Authorization", portalA).get("/api/v1/webhooks/" + id + "/deliveries?status=DELIVERED")
                    .then().body("id", contains(first)).body("[0].attempts", equalTo(1)));
            given().header("Authorization", portalA).get("/api/v1/webhooks/" + id + "/deliveries?status=BOGUS")
                    .then().statusCode(400).body("violations.field", contains("status"));
            for (String limit : List.of("0", "501", "abc", "99999999999")) {
                given().header("Authorization", portalA).get("/api/v1/webhooks/" + id + "/deliveries?limit=" + limit)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("violations.field", contains("limit"));
            }
            given().header("Authorization", portalA).contentType(ContentType.JSON).body("{\"status\": \"PAUSED\"}")
                    .patch("/api/v1/webhooks/" + id).then().statusCode(400).body("violations.field", contains("status"));
            given().header("Authorization", portalA).contentType(ContentType.JSON).body("{\"url\": ")
                    .patch("/api/v1/webhooks/" + id).then().statusCode(400).contentType("application/problem+json");
            assertTrue(receiver.at("/down").size() >= 6, "every attempt reached the receiver");
            given().header("Authorization", portalA).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().body("status", not(hasItem("PENDING")));
        }
    }
}
