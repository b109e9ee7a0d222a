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
        calls.persist(call);
        return publish(call, EventTypes.CALL_CREATED);
    }

    public Call get(UUID id) {
        return calls.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Call", id));
    }

    /** Replaces a call's content; only while DRAFT, since the rules are frozen once regions can apply. */
    @Transactional
    public Call update(UUID id, CallRequest request, Long expectedVersion) {
        checkConsistency(request);
        Call call = lockedForChange(id, expectedVersion);
        if (call.status != CallStatus.DRAFT) {
            throw ProblemException.conflict("CALL_NOT_DRAFT",
                    "Call " + id + " is " + call.status + ": its content is frozen once opened");
        }
        if (!call.code.equals(request.code()) && calls.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("CALL_CODE_TAKEN", "A call with code " + request.code() + " exists");
        }
        apply(request, call);
        return publish(call, EventTypes.CALL_UPDATED);
    }

    @Transactional
    public Call open(UUID id, Instant now) {
        Call call = lockedForChange(id, null);
        requireStatus(call, CallStatus.DRAFT, "opened");
        if (!call.closesAt.isAfter(now)) {
            throw ProblemException.conflict("CALL_DEADLINE_PASSED",
                    "Call " + id + " closes at " + call.closesAt + ", which has passed; update closesAt first");
        }
        call.status = CallStatus.OPEN;
        call.updatedAt = now;
        return publish(call, EventTypes.CALL_OPENED);
    }

    @Transactional
    public Call close(UUID id, Instant now) {
        Call call = lockedForChange(id, null);
        requireStatus(call, CallStatus.OPEN, "closed");
        call.status = CallStatus.CLOSED;
        call.updatedAt = now;
        return publish(call, EventTypes.CALL_CLOSED);
    }

    /** Marks the call DECIDED once its selection is decided; repeated decisions change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markDecided(UUID id, Instant now) {
        Call call = calls.findByIdOptional(id).orElse(null);
        if (call == null || call.status != CallStatus.CLOSED) {
            return;
        }
        call.status = CallStatus.DECIDED;
        call.updatedAt = now;
        publish(call, EventTypes.CALL_DECIDED);
    }

    /**
     * Closes every open call whose deadline has passed. Locked rows are skipped, so several instances may run this
     * at once without closing a call twice.
     */
    @Transactional
    public int closeExpired(Instant now) {
        List<Call> expired = calls.getEntityManager().createQuery(
                "FROM Call WHERE status = :open AND closesAt <= :now", Call.class)
                .setParameter("open", CallStatus.OPEN)
                .setParameter("now", now)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        for (Call call : expired) {
            call.status = CallStatus.CLOSED;
            call.updatedAt = now;
            publish(call, EventTypes.CALL_CLOSED);
        }
        return expired.size();
    }

    private Call lockedForChange(UUID id, Long expectedVersion) {
        Call call = calls.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Call", id));
        if (expectedVersion != null && expectedVersion != call.version) {
            throw new ProblemException(412, "STALE_VERSION", "Precondition failed",
                    "Call " + id + " changed since version " + expectedVersion + "; it is at version "
                            + call.version + ". Read it again and reapply your change.",
                    List.of());
        }
        return call;
    }

    private static void requireStatus(Call call, CallStatus expected, String action) {
        if (call.status != expected) {
            throw ProblemException.conflict("INVALID_TRANSITION",
                    "Call " + call.id + " is " + call.status + " and cannot be " + action + "; only a "
                            + expected + " call can");
        }
    }

    private Call publish(Call call, String type) {
        calls.flush(); // the snapshot carries the version after this change
        outbox.record(Topics.CALLS, AGGREGATE, call.id.toString(), type, snapshot(call));
        return call;
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
