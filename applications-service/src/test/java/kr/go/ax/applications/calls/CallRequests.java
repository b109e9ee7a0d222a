package kr.go.ax.applications.calls;

import java.util.UUID;

/** Call bodies for tests, shaped like the example. */
final class CallRequests {
    private CallRequests() {
    }

    static String uniqueCode() {
        return "AX-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String valid(String code) {
        return """
                {"code": "%s", "title": "Region-Led AI Transformation 2026",
                 "opensAt": "2026-02-04T00:00:00Z", "closesAt": "2026-03-10T09:00:00Z", "fiscalYears": [2027, 2026],
                 "slots": 2, "reserveSlots": 1,
                 "fundingRules": {"centralPoolPerYearKrw": 14000000000, "centralReferencePerRegionPerYearKrw": 7000000000,
                                  "centralShareMaxBp": 6000, "localGovernmentShareMinBp": 2000},
                 "eligibility": {"excludedRegions": ["KR-11", "KR-48", "KR-27", "KR-31", "KR-46", "KR-49"]},
                 "evaluation": {"documentWeightPct": 40, "presentationWeightPct": 60}}""".formatted(code);
    }
}
