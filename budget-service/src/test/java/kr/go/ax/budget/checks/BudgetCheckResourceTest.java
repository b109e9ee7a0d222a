package kr.go.ax.budget.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import kr.go.ax.budget.calls.CallEventsConsumerTest;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BudgetCheckResourceTest {
    static final String RULES = "\"fundingRules\": {\"centralShareMaxBp\": 6000, \"localGovernmentShareMinBp\": 2000,"
            + " \"centralReferencePerRegionPerYearKrw\": 7000000000}";

    static String portal() {
        return TestTokens.bearer(TestTokens.portal());
    }

    static String line(int year, long central, long local, long self) {
        return "{\"fiscalYear\": %d, \"centralKrw\": %d, \"localGovernmentKrw\": %d, \"selfContributionKrw\": %d}"
                .formatted(year, central, local, self);
    }

    @Test
    void workedExampleIsValidWithSharesInBasisPoints() {
        given().header("Authorization", portal()).contentType(ContentType.JSON)
                .body("{" + RULES + ", \"projects\": [{\"type\": \"AI_INFRASTRUCTURE\", \"title\": \"GPU\", \"budget\": ["
                        + line(2026, 7_000_000_000L, 2_333_333_334L, 2_333_333_333L) + "]}]}")
                .post("/api/v1/budget/checks")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("rules.source", equalTo("explicit"))
                .body("totals.overall.totalKrw", equalTo(11666666667L))
                .body("totals.years[0].centralShareBp", equalTo(6000))
                .body("violations", hasSize(0));
    }

    @Test
    void violationsAndNegativeAmountsAre200WithValidFalse() {
        given().header("Authorization", portal()).contentType(ContentType.JSON)
                .body("{" + RULES + ", \"projects\": [{\"budget\": ["
                        + line(2026, 7_000_000_000L, 2_333_333_334L, 2_333_333_332L) + ", "
                        + line(2027, -5, 0, 0) + "]}]}")
                .post("/api/v1/budget/checks")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("violations.code", contains("NEGATIVE_AMOUNT", "CENTRAL_SHARE_EXCEEDED",
                        "CENTRAL_SHARE_EXCEEDED"))
                .body("violations[0].field", equalTo("projects[0].budget[1].centralKrw"))
                .body("violations[1].field", equalTo("fiscalYears[2026]"))
                .body("violations[1].requiredBp", equalTo(6000));
    }

    @Test
    void callRulesComeFromTheCallEvents() {
        UUID callId = UUID.randomUUID();
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.opened.v1", CallEventsConsumerTest.snapshot(callId, "AX-CHK", 1, 7_000_000_000L));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", portal()).contentType(ContentType.JSON)
                .body("{\"callId\": \"" + callId + "\", \"projects\": [{\"budget\": ["
                        + line(2028, 6_000_000_000L, 2_000_000_000L, 2_000_000_000L) + "]}]}")
                .post("/api/v1/budget/checks")
                .then().statusCode(200)
                .body("rules.source", equalTo("call"))
                .body("rules.callVersion", equalTo(1))
                .body("violations.code", contains("FISCAL_YEAR_OUTSIDE_CALL")));
    }

    @Test
    void malformedInputIs400() {
        given().header("Authorization", portal()).contentType(ContentType.JSON)
                .body("{\"projects\": [{\"budget\": [" + line(2026, 1, 1, 1) + "]}]}")
                .post("/api/v1/budget/checks")
                .then().statusCode(400).body("violations[0].field", equalTo("callId"));
        given().header("Authorization", portal()).contentType(ContentType.JSON)
                .body("{" + RULES + ", \"projects\": [{\"budget\": [{\"fiscalYear\": 2026, \"centralKrw\": \"lots\","
                        + " \"localGovernmentKrw\": 1, \"selfContributionKrw\": 1}]}]}")
                .post("/api/v1/budget/checks")
                .then().statusCode(400).body("violations[0].field", equalTo("projects[0].budget[0].centralKrw"));
        given().header("Authorization", portal()).contentType(ContentType.JSON)
                .body("{" + RULES + ", \"projects\": [{\"budget\": [{\"fiscalYear\": 2026, \"centralKrw\": 1}]}]}")
                .post("/api/v1/budget/checks")
                .then().statusCode(400).body("violations.field",
                        contains("projects[0].budget[0].localGovernmentKrw",
                                "projects[0].budget[0].selfContributionKrw"));
        given().header("Authorization", portal()).contentType(ContentType.JSON)
                .body("{\"callId\": \"" + UUID.randomUUID() + "\", \"projects\": []}")
                .post("/api/v1/budget/checks")
                .then().statusCode(422).body("code", equalTo("CALL_NOT_FOUND"));
    }

    @Test
    void requiresAnIdentity() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/budget/checks").then().statusCode(401);
    }
}
