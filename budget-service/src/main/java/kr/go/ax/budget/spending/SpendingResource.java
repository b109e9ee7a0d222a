package kr.go.ax.budget.spending;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kr.go.ax.budget.ledger.FundAllocation;
import kr.go.ax.budget.ledger.FundAllocationRepository;
import kr.go.ax.common.bulk.LineError;
import kr.go.ax.common.bulk.LineResult;
import kr.go.ax.common.bulk.NdjsonLines;
import kr.go.ax.common.bulk.NdjsonLines.Numbered;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.idempotency.Idempotency;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/budget/applications/{applicationId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Spending", description = "Expenditures of selected applications and their execution against the budget")
@Authenticated
public class SpendingResource {
    static final String NDJSON = NdjsonLines.MEDIA_TYPE;
    /** Lines per transaction: big enough to be fast, small enough to keep locks short. */
    static final int CHUNK = 500;
    static final int MAX_LINES = 10_000;
    static final int MAX_LINE_LENGTH = 16 * 1024;
    /** One operation in the document for both bodies (same path and verb), so one description. */
    private static final String EXPENDITURES = "Takes one expenditure as application/json or many as application/x-ndjson; only a"
                    + " region may call it, for its own selected application (403 FORBIDDEN for other roles,"
                    + " 404 NOT_FOUND for an unknown or another region's application or, for a JSON body, one without"
                    + " committed funding; 409 APPLICATION_NOT_SELECTED for an NDJSON body without committed funding)."
                    + " An application/json body is one ExpenditureInput: 201 when recorded, 200 when its externalId"
                    + " is already recorded, 400 VALIDATION_FAILED when invalid, 422 FISCAL_YEAR_NOT_APPROVED or"
                    + " SPENDING_EXCEEDS_APPROVED when it does not fit the approved budget of its fiscal year and"
                    + " source; an optional Idempotency-Key header replays the first answer (422"
                    + " IDEMPOTENCY_KEY_REUSED for another body, 409 IDEMPOTENCY_KEY_IN_USE while the first still"
                    + " runs). An application/x-ndjson body has one compact ExpenditureInput object a line, e.g."
                    + " {\"externalId\":\"BS-2026-000123\",\"fiscalYear\":2026,\"spentOn\":\"2026-03-10\","
                    + "\"source\":\"CENTRAL\",\"amountKrw\":150000000,\"category\":\"SOFTWARE\","
                    + "\"evidence\":{\"type\":\"E_TAX_INVOICE\",\"reference\":\"20260310-41000012-00000123\"}},"
                    + " at most 16,384 characters a line and 10,000 lines, blank lines skipped; each line is ACCEPTED,"
                    + " DUPLICATE (known or repeated externalId) or REJECTED on its own (MALFORMED_JSON,"
                    + " INVALID_VALUE, LINE_TOO_LONG, TOO_MANY_LINES, FISCAL_YEAR_NOT_APPROVED,"
                    + " SPENDING_EXCEEDS_APPROVED), lines are recorded in batches of 500, and the answer is 200 with"
                    + " a BulkResult; an Idempotency-Key replays it for the same body.";

    private final SpendingService spending;
    private final FundAllocationRepository allocations;
    private final Caller caller;
    private final Idempotency idempotency;
    private final NdjsonLines<ExpenditureInput> lines;
    private final Clock clock;

    public SpendingResource(SpendingService spending, FundAllocationRepository allocations, Caller caller,
            Idempotency idempotency, Validator validator, ObjectMapper objectMapper, Clock clock) {
        this.spending = spending;
        this.allocations = allocations;
        this.caller = caller;
        this.idempotency = idempotency;
        this.lines = new NdjsonLines<>(objectMapper, validator, ExpenditureInput.class, ExpenditureInput::externalId,
                MAX_LINES, MAX_LINE_LENGTH);
        this.clock = clock;
    }

    @Schema(description = "The outcome of a bulk upload: counts and one result per non-blank line")
    public record BulkResult(
            @Schema(description = "Lines recorded", example = "9998") int accepted,
            @Schema(description = "Lines not recorded again: known or repeated externalId", example = "1")
            int duplicate,
            @Schema(description = "Lines rejected; see their errors", example = "1") int rejected,
            @Schema(description = "One result per non-blank line, by line number") List<LineResult> results) {
    }

    @POST
    @Path("/expenditures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Record one expenditure (201; 200 when its externalId is already recorded)",
            description = EXPENDITURES)
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LineResult.class)))
    @APIResponse(responseCode = "200", description = "Recorded before under this externalId",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LineResult.class)))
    @APIResponse(responseCode = "422", description = "Rejected by a spending rule",
            content = @Content(mediaType = "application/problem+json"))
    public Response recordOne(@PathParam("applicationId") UUID applicationId,
            @NotNull @Valid ExpenditureInput input, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        String region = caller.requireRegion();
        return idempotency.execute(idempotencyKey, caller.subject(), "POST",
                "/api/v1/budget/applications/" + applicationId + "/expenditures", input, () -> {
                    LineResult result = spending.record(applicationId, region, caller.subject(),
                            List.of(new Numbered<>(1, input)), clock.instant()).get(0);
                    if (result.is(LineResult.REJECTED)) {
                        LineError error = result.errors().get(0);
                        throw new ProblemException(422, error.code(), "Expenditure rejected", error.message(),
                                List.of(new FieldViolation(error.field(), error.code(), error.message())));
                    }
                    return Response.status(result.is(LineResult.ACCEPTED) ? 201 : 200)
                            .entity(result).build();
                });
    }

    @POST
    @Path("/expenditures")
    @Consumes(NDJSON)
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Record many expenditures: one JSON object a line (up to 10,000), read as a stream and"
            + " answered per line: ACCEPTED, DUPLICATE (known externalId) or REJECTED with its errors",
            description = EXPENDITURES)
    public Response recordMany(@PathParam("applicationId") UUID applicationId, InputStream body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) throws IOException {
        String region = caller.requireRegion();
        spending.spendable(applicationId, region);
        return idempotency.executeStreaming(idempotencyKey, caller.subject(), "POST",
                "/api/v1/budget/applications/" + applicationId + "/expenditures", body, in -> {
                    List<LineResult> results = lines.process(in, CHUNK, chunk -> spending.record(applicationId,
                            region, caller.subject(), chunk, clock.instant()));
                    int accepted = NdjsonLines.count(results, LineResult.ACCEPTED);
                    int duplicate = NdjsonLines.count(results, LineResult.DUPLICATE);
                    return Response.ok(new BulkResult(accepted, duplicate, results.size() - accepted - duplicate,
                            results)).build();
                });
    }

    @GET
    @Path("/execution")
    @Operation(summary = "Approved vs spent per fiscal year and source, execution rates (bp) and warning flags",
            description = "Compares the approved budget (the latest assessment's totals) with the recorded spending of"
                    + " an application that has a fund allocation; the LOCAL_SHARE_DRIFT flag warns that the"
                    + " local-government share of spending fell below the call's minimum. Admins may read any"
                    + " application, a region only its own; everyone else, and any application without an"
                    + " allocation, gets 404 NOT_FOUND.")
    public SpendingService.ExecutionView execution(@PathParam("applicationId") UUID applicationId) {
        FundAllocation allocation = allocations.findById(applicationId);
        boolean visible = allocation != null
                && (caller.is(Roles.ADMIN) || caller.ownsRegion(allocation.regionCode));
        if (!visible) {
            throw ProblemException.notFound("Execution of application", applicationId);
        }
        return spending.execution(allocation);
    }
}
