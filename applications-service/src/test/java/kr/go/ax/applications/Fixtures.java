package kr.go.ax.applications;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.UUID;
import kr.go.ax.common.testing.TestTokens;

/** Calls and applications for tests, created through the API as clients would. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String admin() {
        return TestTokens.bearer(TestTokens.admin());
    }

    public static String region(String code) {
        return TestTokens.bearer(TestTokens.region(code));
    }

    public static String callBody(String code, Instant closesAt, String excludedRegionsJson) {
        return """
                {"code": "%s", "title": "Region-Led AI Transformation 2026",
                 "opensAt": "2026-02-04T00:00:00Z", "closesAt": "%s", "fiscalYears": [2027, 2026],
                 "slots": 2, "reserveSlots": 1,
                 "fundingRules": {"centralPoolPerYearKrw": 14000000000, "centralReferencePerRegionPerYearKrw": 7000000000,
                                  "centralShareMaxBp": 6000, "localGovernmentShareMinBp": 2000},
                 "eligibility": {"excludedRegions": %s},
                 "evaluation": {"documentWeightPct": 40, "presentationWeightPct": 60}}"""
                .formatted(code, closesAt, excludedRegionsJson);
    }

    /** An OPEN call that closes at the given time; KR-11 and KR-48 are excluded. */
    public static String openCall(Instant closesAt) {
        String id = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(callBody("AX-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), closesAt,
                        "[\"KR-11\", \"KR-48\"]"))
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin()).post("/api/v1/calls/" + id + "/open").then().statusCode(200);
        return id;
    }

    public static String openCall() {
        return openCall(Instant.parse("2099-03-10T09:00:00Z"));
    }

    public static String applicationBody(String callId, String title) {
        return """
                {"callId": "%s", "title": "%s", "summary": "AI for shipyards and their suppliers",
                 "leadAgency": "Busan Technopark", "partners": ["Pusan National University"],
                 "industryFocus": ["SHIPBUILDING", "MACHINERY"],
                 "projects": [{"type": "AI_SOLUTION_DEVELOPMENT", "title": "Welding vision", "description": "…",
                               "targetSmeCount": 30,
                               "budget": [{"fiscalYear": 2026, "centralKrw": 3000000000,
                                           "localGovernmentKrw": 1200000000, "selfContributionKrw": 800000000},
                                          {"fiscalYear": 2027, "centralKrw": 3000000000,
                                           "localGovernmentKrw": 1200000000, "selfContributionKrw": 800000000}]}],
                 "kpis": {"baselineAiAdoptionPct": 17.9, "targetAiAdoptionPct": 30.0, "smesSupported": 120,
                          "traineesPlanned": 400, "localVendorSharePct": 60.0},
                 "sustainabilityPlan": "Technopark keeps the platform running after 2027"}"""
                .formatted(callId, title);
    }

    public static String draft(String callId, String regionCode) {
        return given().header("Authorization", region(regionCode)).contentType(ContentType.JSON)
                .body(applicationBody(callId, "Busan shipbuilding AX"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    /**
     * Puts an application straight into SELECTED, for tests of what follows selection. The way there (the other
     * services' events) is tested in ApplicationLifecycleTest.
     */
    public static void markSelected(jakarta.persistence.EntityManager entityManager, String applicationId) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE application SET status = 'SELECTED' WHERE id = ?1")
                .setParameter(1, UUID.fromString(applicationId)).executeUpdate());
    }

    /** A period report (see ProgressReportsTest), with {@code extra} JSON members appended. */
    public static String progressReport(String period, int smes, String extra) {
        return """
                {"externalId": "busan-%1$s", "period": "%1$s", "smesSupported": %2$d, "solutionsDeployed": 3,
                 "traineesTrained": 40, "aiAdoptionPct": 19.5, "localVendorSharePct": 55.0, "jobsCreated": 4,
                 "narrative": "Pilots running"%3$s,
                 "milestones": [{"projectIndex": 0, "status": "ON_TRACK", "dueOn": "2026-09-30"}]}"""
                .formatted(period, smes, extra);
    }

    public static io.restassured.response.Response postProgress(String applicationId, String body, String regionCode) {
        return given().header("Authorization", region(regionCode)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications/" + applicationId + "/progress-reports");
    }
}
