package kr.go.ax.applications.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.events.CallSnapshot;
import kr.go.ax.common.events.EventTypes;
import kr.go.ax.common.events.Topics;
import kr.go.ax.common.events.outbox.Outbox;
import kr.go.ax.common.money.Krw;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.common.region.Region;

/** Use cases of programme calls; each one is a single transaction that also records its event. */
@ApplicationScoped
public class CallService {
    static final String AGGREGATE = "call";
    private static final int DEFAULT_DOCUMENT_WEIGHT = 40;
    private static final int DEFAULT_PRESENTATION_WEIGHT = 60;

    private final CallRepository calls;
    private final Outbox outbox;

    public CallService(CallRepository calls, Outbox outbox) {
        this.calls = calls;
        this.outbox = outbox;
    }

    @Transactional
    public Call create(CallRequest request) {
        checkConsistency(request);
        if (calls.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("CALL_CODE_TAKEN", "A call with code " + request.code() + " exists");
        }
        Call call = new Call();
        call.id = UUID.randomUUID();
        call.status = CallStatus.DRAFT;
        call.createdAt = Instant.now();
        apply(request, call);
        calls.persistAndFlush(call);
        outbox.record(Topics.CALLS, AGGREGATE, call.id.toString(), EventTypes.CALL_CREATED, snapshot(call));
        return call;
    }

    public Call get(UUID id) {
        return calls.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Call", id));
    }

    private static void apply(CallRequest request, Call call) {
        call.code = request.code();
        call.title = request.title().strip();
        call.opensAt = request.opensAt();
        call.closesAt = request.closesAt();
        call.fiscalYears = request.fiscalYears().stream().sorted().toList();
        call.slots = request.slots();
        call.reserveSlots = request.reserveSlots();
        call.centralPoolPerYearKrw = request.fundingRules().centralPoolPerYearKrw();
        call.centralReferencePerRegionPerYearKrw = request.fundingRules().centralReferencePerRegionPerYearKrw();
        call.centralShareMaxBp = request.fundingRules().centralShareMaxBp();
        call.localGovernmentShareMinBp = request.fundingRules().localGovernmentShareMinBp();
        call.excludedRegions = request.eligibility() == null || request.eligibility().excludedRegions() == null
                ? List.of()
                : request.eligibility().excludedRegions().stream().distinct().sorted().toList();
        call.documentWeightPct = request.evaluation() == null ? DEFAULT_DOCUMENT_WEIGHT
                : request.evaluation().documentWeightPct();
        call.presentationWeightPct = request.evaluation() == null ? DEFAULT_PRESENTATION_WEIGHT
                : request.evaluation().presentationWeightPct();
        call.updatedAt = Instant.now();
    }

    /** Rules that span several fields, which bean validation cannot express. */
    static void checkConsistency(CallRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!request.closesAt().isAfter(request.opensAt())) {
            violations.add(new FieldViolation("closesAt", "after-opens-at", "must be later than opensAt"));
        }
        if (new HashSet<>(request.fiscalYears()).size() != request.fiscalYears().size()) {
            violations.add(new FieldViolation("fiscalYears", "distinct", "must not repeat a year"));
        }
        CallRequest.FundingRules rules = request.fundingRules();
        if (rules.centralReferencePerRegionPerYearKrw() > rules.centralPoolPerYearKrw()) {
            violations.add(new FieldViolation("fundingRules.centralReferencePerRegionPerYearKrw", "within-pool",
                    "must not exceed centralPoolPerYearKrw (" + rules.centralPoolPerYearKrw() + ")"));
        }
        if (rules.centralShareMaxBp() + rules.localGovernmentShareMinBp() > Krw.FULL_BP) {
            violations.add(new FieldViolation("fundingRules.localGovernmentShareMinBp", "shares-fit",
                    "centralShareMaxBp + localGovernmentShareMinBp must not exceed " + Krw.FULL_BP));
        }
        if (request.eligibility() != null && request.eligibility().excludedRegions() != null) {
            List<String> excluded = request.eligibility().excludedRegions();
            for (int i = 0; i < excluded.size(); i++) {
                if (!Region.isValidCode(excluded.get(i))) {
                    violations.add(new FieldViolation("eligibility.excludedRegions[" + i + "]", "region-code",
                            "must be an ISO 3166-2:KR code of a metropolitan or provincial government, e.g. KR-26"));
                }
            }
        }
        if (request.evaluation() != null
                && request.evaluation().documentWeightPct() + request.evaluation().presentationWeightPct() != 100) {
            violations.add(new FieldViolation("evaluation", "weights-sum",
                    "documentWeightPct + presentationWeightPct must be 100"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    static CallSnapshot snapshot(Call call) {
        return new CallSnapshot(call.id, call.code, call.title, call.status.name(), call.opensAt, call.closesAt,
                call.fiscalYears, call.slots, call.reserveSlots,
                new CallSnapshot.FundingRules(call.centralPoolPerYearKrw, call.centralReferencePerRegionPerYearKrw,
                        call.centralShareMaxBp, call.localGovernmentShareMinBp),
                call.excludedRegions, call.documentWeightPct, call.presentationWeightPct, call.version);
    }
}
