package kr.go.ax.applications.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import kr.go.ax.common.bulk.LineResult;
import kr.go.ax.common.bulk.NdjsonLines;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.idempotency.Idempotency;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk upload of period reports: many applications of the caller's region in one NDJSON stream. */
@Path("/api/v1/progress-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress reports")
@Authenticated
public class ProgressReportBulkResource {
    /** Lines per transaction: big enough to be fast, small enough to keep the applications' locks short. */
    static final int CHUNK = 500;
    static final int MAX_LINES = 10_000;
    static final int MAX_LINE_LENGTH = 64 * 1024;

    private final ProgressReportService service;
    private final NdjsonLines<ProgressReportInput> lines;
    private final Caller caller;
    private final Clock clock;
    private final Idempotency idempotency;

    public ProgressReportBulkResource(ProgressReportService service, Caller caller, Clock clock,
            ObjectMapper objectMapper, Validator validator, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.service = service;
        this.caller = caller;
        this.clock = clock;
        this.lines = new NdjsonLines<>(objectMapper, validator, ProgressReportInput.class,
                ProgressReportInput::externalId, MAX_LINES, MAX_LINE_LENGTH);
    }

    @Schema(description = "The outcome of a bulk upload: counts and one result per non-blank line")
    public record BulkResult(
            @Schema(description = "Lines stored or changed", example = "9998") int accepted,
            @Schema(description = "Lines whose content was already stored for their period", example = "1")
            int unchanged,
            @Schema(description = "Lines rejected; see their errors", example = "1") int rejected,
            @Schema(description = "One result per non-blank line, by line number") List<LineResult> results) {
    }

    @POST
    @Consumes(NdjsonLines.MEDIA_TYPE)
    @RolesAllowed(Roles.REGION)
    @RequestBody(content = @Content(mediaType = NdjsonLines.MEDIA_TYPE, schema = @Schema(
            implementation = ProgressReportInput.class)))
    @Operation(summary = "Report many periods: one JSON report a line (up to 10,000), answered per line",
            description = "Reads an application/x-ndjson body as a stream: one compact ProgressReportInput a line,"
                    + " each naming its applicationId, e.g. {\"applicationId\":\"3f1c2a9e-5b7d-4c1e-9a2b-"
                    + "8d6e4f0a1b2c\",\"externalId\":\"busan-2026-07\",\"period\":\"2026-07\",\"smesSupported\":12,"
                    + "\"solutionsDeployed\":3,\"traineesTrained\":40,\"aiAdoptionPct\":19.5,"
                    + "\"localVendorSharePct\":55.0,\"jobsCreated\":4}. At most 65,536 characters a line and"
                    + " 10,000 lines; blank lines are skipped. Each line is ACCEPTED, UNCHANGED or REJECTED with its"
                    + " errors (the codes of the single-report endpoint, plus MALFORMED_JSON, INVALID_VALUE,"
                    + " LINE_TOO_LONG, TOO_MANY_LINES, NOT_FOUND for an application that is not the region's,"
                    + " APPLICATION_NOT_SELECTED); a rejected line never affects the others and is never half"
                    + " stored. Lines are stored in transactions of 500; the answer is 200 with a BulkResult."
                    + " Only regions, for their own applications. An Idempotency-Key replays the first answer for"
                    + " the same body (422 IDEMPOTENCY_KEY_REUSED for another, 409 while the first still runs).")
    @APIResponse(responseCode = "200", description = "Every line's outcome", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = BulkResult.class)))
    public Response reportMany(InputStream body, @HeaderParam(Idempotency.HEADER) String idempotencyKey)
            throws IOException {
        String region = caller.requireRegion();
        return idempotency.executeStreaming(idempotencyKey, caller.subject(), "POST", "/api/v1/progress-reports",
                body, in -> {
                    List<LineResult> results = lines.process(in, CHUNK, chunk -> service.store(region,
                            caller.subject(), chunk, clock.instant()).stream()
                            .map(ProgressReportService.Outcome::result).toList());
                    int accepted = NdjsonLines.count(results, LineResult.ACCEPTED);
                    int unchanged = NdjsonLines.count(results, LineResult.UNCHANGED);
                    return Response.ok(new BulkResult(accepted, unchanged, results.size() - accepted - unchanged,
                            results)).build();
                });
    }
}
