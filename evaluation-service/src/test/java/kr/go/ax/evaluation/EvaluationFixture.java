package kr.go.ax.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.go.ax.common.testing.TestKafka;
import kr.go.ax.common.testing.TestTokens;
import org.awaitility.Awaitility;

/**
 * Builds an evaluation the way it happens: call and applications arrive as events from applications-service, the
 * admin registers evaluators and the panel and starts the evaluation, evaluators declare and score over REST.
 */
public final class EvaluationFixture {
    /** The default rubric's criteria in order: DOCUMENT (25, 25, 20, 15, 15) and PRESENTATION (30, 30, 20, 20). */
    public static final String[] DOCUMENT = {"REGIONAL_INDUSTRY_FIT", "DELIVERY_CAPACITY", "FEASIBILITY",
            "MATCHING_FUND_CAPACITY", "SUSTAINABILITY"};
    public static final String[] PRESENTATION = {"EXPERTISE", "FEASIBILITY", "REGIONAL_INDUSTRY_FIT",
            "DELIVERY_CAPACITY"};

    private EvaluationFixture() {
    }

    public static String admin() {
        return TestTokens.bearer(TestTokens.admin());
    }

    public static String evaluator(String subject) {
        return TestTokens.bearer(TestTokens.token(subject, Set.of("evaluator"), null));
    }

    public static String region(String code) {
        return TestTokens.bearer(TestTokens.region(code));
    }

    /** A closed call over fiscal years 2026 and 2027 with its central pool per year. */
    public static void closedCall(UUID callId, int slots, int reserveSlots, long poolPerYear) {
        TestKafka.sendCloudEvent("ax.calls", callId.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.call.closed.v1", """
                        {"id": "%s", "code": "AX-EVAL", "title": "t", "status": "CLOSED",
                         "opensAt": "2026-02-04T00:00:00Z", "closesAt": "2026-03-10T09:00:00Z",
                         "fiscalYears": [2026, 2027], "slots": %d, "reserveSlots": %d,
                         "fundingRules": {"centralPoolPerYearKrw": %d,
                                          "centralReferencePerRegionPerYearKrw": 7000000000,
                                          "centralShareMaxBp": 6000, "localGovernmentShareMinBp": 2000},
                         "excludedRegions": [], "documentWeightPct": 40, "presentationWeightPct": 60, "version": 5}"""
                        .formatted(callId, slots, reserveSlots, poolPerYear));
    }

    /** An ELIGIBLE application asking for the given central money in 2026 and in 2027. */
    public static void eligibleApplication(UUID id, UUID callId, String region, String submittedAt, long central) {
        TestKafka.sendCloudEvent("ax.applications", id.toString(), UUID.randomUUID().toString(),
                "kr.go.ax.application.status-changed.v1", snapshot(id, callId, region, submittedAt, central,
                        "ELIGIBLE", 3));
    }

    public static String snapshot(UUID id, UUID callId, String region, String submittedAt, long central,
            String status, long version) {
        return """
                {"id": "%1$s", "callId": "%2$s", "region": "%3$s", "title": "AX %3$s", "status": "%6$s",
                 "leadAgency": "Technopark %3$s", "partners": [],
                 "projects": [{"type": "AI_FACTORY", "title": "p", "budget": [
                     {"fiscalYear": 2026, "centralKrw": %5$d, "localGovernmentKrw": %5$d, "selfContributionKrw": 0},
                     {"fiscalYear": 2027, "centralKrw": %5$d, "localGovernmentKrw": %5$d, "selfContributionKrw": 0}]}],
                 "contentSha256": "x", "submittedAt": "%4$s", "submission": 1, "version": %7$d}"""
                .formatted(id, callId, region, submittedAt, central, status, version);
    }

    /** Registers {@code count} evaluators from regions that do not apply, puts them on the call's panel. */
    public static List<String> panel(UUID callId, String run, int count) {
        String[] regions = {"KR-11", "KR-41", "KR-44", "KR-47", "KR-48", "KR-43", "KR-45"};
        List<String> subjects = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String subject = "eval-" + run + "-" + (i + 1);
            subjects.add(subject);
            ids.add(given().header("Authorization", admin()).contentType(ContentType.JSON)
                    .body("{\"subject\": \"%s\", \"name\": \"Expert %d\", \"affiliationRegion\": \"%s\", \"institution\": \"Institute %s %d\"}"
                            .formatted(subject, i + 1, regions[i], run, i))
                    .post("/api/v1/evaluation/evaluators").then().statusCode(201).extract().path("id"));
        }
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"evaluatorIds\": [\"" + String.join("\", \"", ids) + "\"]}")
                .put("/api/v1/evaluation/calls/" + callId + "/panel").then().statusCode(200);
        return subjects;
    }

    public static void start(UUID callId, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", admin()).post("/api/v1/evaluation/calls/" + callId + "/start")
                .then().statusCode(200).body("started", equalTo(expected)));
    }

    public static void declareNoConflict(String subject, UUID applicationId) {
        given().header("Authorization", evaluator(subject)).contentType(ContentType.JSON)
                .body("{\"conflict\": false, \"statement\": \"No interest in this application.\"}")
                .post("/api/v1/evaluation/applications/" + applicationId + "/declaration")
                .then().statusCode(200);
    }

    /** Scores one stage: {@code points[i]} for the stage's i-th criterion. */
    public static ValidatableResponse score(String subject, UUID applicationId, String stage, String comment,
            int... points) {
        String[] codes = "DOCUMENT".equals(stage) ? DOCUMENT : PRESENTATION;
        StringBuilder scores = new StringBuilder();
        for (int i = 0; i < points.length; i++) {
            scores.append(i == 0 ? "" : ", ").append('"').append(codes[i]).append("\": ").append(points[i]);
        }
        return given().header("Authorization", evaluator(subject)).contentType(ContentType.JSON)
                .body("{\"stage\": \"%s\", \"scores\": {%s}%s}".formatted(stage, scores,
                        comment == null ? "" : ", \"comment\": \"" + comment + "\""))
                .put("/api/v1/evaluation/applications/" + applicationId + "/scores").then();
    }
}
