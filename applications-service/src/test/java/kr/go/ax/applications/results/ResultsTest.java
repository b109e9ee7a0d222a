package kr.go.ax.applications.results;

import static io.restassured.RestAssured.given;
import static kr.go.ax.applications.Fixtures.admin;
import static kr.go.ax.applications.Fixtures.region;
import static kr.go.ax.applications.Fixtures.postProgress;
import static kr.go.ax.applications.Fixtures.progressReport;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import kr.go.ax.applications.Fixtures;
import kr.go.ax.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResultsTest {
    private static final String BUSAN = "KR-26";
    private static final String GYEONGGI = "KR-41";

    @Inject
    EntityManager entityManager;

    @Test
    void perRegionIndicatorsAgainstTheNationalBaselineOfTheirArea() {
        String callId = Fixtures.openCall();
        String busan = Fixtures.draft(callId, BUSAN);
        String gyeonggi = Fixtures.draft(callId, GYEONGGI);
        String notSelected = Fixtures.draft(callId, "KR-27");
        Fixtures.markSelected(entityManager, busan);
        Fixtures.markSelected(entityManager, gyeonggi);
        postProgress(busan, progressReport("2026-07", 12, ""), BUSAN).then().statusCode(201);
        postProgress(busan, progressReport("2026-08", 15, "").replace("19.5", "20.0"), BUSAN).then().statusCode(201);
        postProgress(gyeonggi, progressReport("2026-Q3", 30, "").replace("19.5", "41.0"), GYEONGGI).then().statusCode(201);

        given().header("Authorization", TestTokens.bearer(TestTokens.portal())).get("/api/v1/results?callId=" + callId)
                .then().statusCode(200)
                .body("nationalBaselines.capitalAreaPct", equalTo(40.4f))
                .body("nationalBaselines.outsideCapitalAreaPct", equalTo(17.9f))
                .body("regions.regionCode", contains(BUSAN, GYEONGGI))
                .body("regions[0].applicationId", equalTo(busan))
                .body("regions[0].capitalArea", equalTo(false))
                .body("regions[0].latestPeriod", equalTo("2026-08"))
                .body("regions[0].nationalBaselineAiAdoptionPct", equalTo(17.9f))
                .body("regions[0].aiAdoptionVsNationalBaselinePp", equalTo(2.1f))
                .body("regions[0].indicators.indicator", contains("AI_ADOPTION_PCT", "SMES_SUPPORTED",
                        "SOLUTIONS_DEPLOYED", "TRAINEES_TRAINED", "JOBS_CREATED", "LOCAL_VENDOR_SHARE_PCT"))
                .body("regions[0].indicators[0].baseline", equalTo(17.9f))
                .body("regions[0].indicators[0].target", equalTo(30.0f))
                .body("regions[0].indicators[0].latest", equalTo(20.0f))
                .body("regions[0].indicators[0].actuals.period", contains("2026-07", "2026-08"))
                .body("regions[0].indicators[1].baseline", equalTo(0))
                .body("regions[0].indicators[1].target", equalTo(120))
                .body("regions[0].indicators[1].actuals.value", contains(12, 15))
                .body("regions[0].indicators[2].target", nullValue())
                .body("regions[1].capitalArea", equalTo(true))
                .body("regions[1].nationalBaselineAiAdoptionPct", equalTo(40.4f))
                .body("regions[1].aiAdoptionVsNationalBaselinePp", equalTo(0.6f));

        // A region sees its own row only.
        given().header("Authorization", region(BUSAN)).get("/api/v1/results?callId=" + callId)
                .then().statusCode(200).body("regions.regionCode", contains(BUSAN));
        given().header("Authorization", region("KR-27")).get("/api/v1/results?callId=" + callId)
                .then().statusCode(200).body("regions", hasSize(0));
        assertTrue(notSelected != null);
    }

    @Test
    void theSameFiguresAsCsv() {
        String callId = Fixtures.openCall();
        String busan = Fixtures.draft(callId, BUSAN);
        Fixtures.markSelected(entityManager, busan);
        postProgress(busan, progressReport("2026-07", 12, ""), BUSAN).then().statusCode(201);

        String csv = given().header("Authorization", admin()).accept("text/csv")
                .get("/api/v1/results?callId=" + callId)
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"results-" + callId + ".csv\"")
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("callId,regionCode,regionName,capitalArea,applicationId,indicator,baseline,target,"
                + "nationalBaseline,period,value", lines.get(0));
        assertEquals(7, lines.size(), "a header and one row per indicator for the one period");
        assertEquals(callId + ",KR-26,Busan,false," + busan + ",AI_ADOPTION_PCT,17.9,30.0,17.9,2026-07,19.50",
                lines.get(1));
        assertEquals(callId + ",KR-26,Busan,false," + busan + ",SOLUTIONS_DEPLOYED,0,,,2026-07,3", lines.get(3));
    }

    @Test
    void badOrUnknownCallsAreProblems() {
        given().header("Authorization", admin()).get("/api/v1/results").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("callId"));
        given().header("Authorization", admin()).get("/api/v1/results?callId=x'%20OR%201=1").then().statusCode(400);
        given().header("Authorization", admin()).get("/api/v1/results?callId=" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
