package kr.go.ax.budget.spending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import kr.go.ax.budget.ledger.FundAllocation;
import kr.go.ax.budget.ledger.FundAllocationRepository;
import kr.go.ax.budget.spending.SpendingService.LineError;
import kr.go.ax.budget.spending.SpendingService.LineResult;
import kr.go.ax.budget.spending.SpendingService.NumberedInput;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.idempotency.Idempotency;
import kr.go.ax.common.problem.FieldViolation;
import kr.go.ax.common.problem.JsonPaths;
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
    static final String NDJSON = "application/x-ndjson";
    /** Lines per transaction: big enough to be fast, small enough to keep locks short. */
    static final int CHUNK = 500;
    static final int MAX_LINES = 10_000;
    static final int MAX_LINE_LENGTH = 16 * 1024;

    private final SpendingService spending;
    private final FundAllocationRepository allocations;
    private final Caller caller;
    private final Idempotency idempotency;
    private final Validator validator;
    private final ObjectReader lineReader;
    private final Clock clock;

    public SpendingResource(SpendingService spending, FundAllocationRepository allocations, Caller caller,
            Idempotency idempotency, Validator validator, ObjectMapper objectMapper, Clock clock) {
        this.spending = spending;
        this.allocations = allocations;
        this.caller = caller;
        this.idempotency = idempotency;
        this.validator = validator;
        this.lineReader = objectMapper.readerFor(ExpenditureInput.class);
        this.clock = clock;
    }

    public record BulkResult(int accepted, int duplicate, int rejected, List<LineResult> results) {
    }

    @POST
    @Path("/expenditures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Record one expenditure (201; 200 when its externalId is already recorded)")
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
                            List.of(new NumberedInput(1, input)), clock.instant()).get(0);
                    if (LineResult.REJECTED.equals(result.status())) {
                        LineError error = result.errors().get(0);
                        throw new ProblemException(422, error.code(), "Expenditure rejected", error.message(),
                                List.of(new FieldViolation(error.field(), error.code(), error.message())));
                    }
                    return Response.status(LineResult.ACCEPTED.equals(result.status()) ? 201 : 200)
                            .entity(result).build();
                });
    }

    @POST
    @Path("/expenditures")
    @Consumes(NDJSON)
    @RolesAllowed(Roles.REGION)
    @Operation(summary = "Record many expenditures: one JSON object a line (up to 10,000), read as a stream and"
            + " answered per line: ACCEPTED, DUPLICATE (known externalId) or REJECTED with its errors")
    public BulkResult recordMany(@PathParam("applicationId") UUID applicationId, InputStream body)
            throws IOException {
        String region = caller.requireRegion();
        spending.spendable(applicationId, region);
        List<LineResult> results = new ArrayList<>();
        List<NumberedInput> chunk = new ArrayList<>(CHUNK);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (number > MAX_LINES) {
                    results.add(new LineResult(number, LineResult.REJECTED, null, List.of(new LineError("$",
                            "TOO_MANY_LINES", "a request carries at most " + MAX_LINES + " lines"))));
                    continue;
                }
                NumberedInput parsed = parse(number, line, results);
                if (parsed != null) {
                    chunk.add(parsed);
                }
                if (chunk.size() == CHUNK) {
                    results.addAll(spending.record(applicationId, region, caller.subject(), chunk, clock.instant()));
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        }
        if (!chunk.isEmpty()) {
            results.addAll(spending.record(applicationId, region, caller.subject(), chunk, clock.instant()));
        }
        results.sort(Comparator.comparingInt(LineResult::line));
        int accepted = (int) results.stream().filter(r -> LineResult.ACCEPTED.equals(r.status())).count();
        int duplicate = (int) results.stream().filter(r -> LineResult.DUPLICATE.equals(r.status())).count();
        return new BulkResult(accepted, duplicate, results.size() - accepted - duplicate, results);
    }

    @GET
    @Path("/execution")
    @Operation(summary = "Approved vs spent per fiscal year and source, execution rates (bp) and warning flags")
    public SpendingService.ExecutionView execution(@PathParam("applicationId") UUID applicationId) {
        FundAllocation allocation = allocations.findById(applicationId);
        boolean visible = allocation != null
                && (caller.is(Roles.ADMIN) || caller.ownsRegion(allocation.regionCode));
        if (!visible) {
            throw ProblemException.notFound("Execution of application", applicationId);
        }
        return spending.execution(allocation);
    }

    /** One line to an input, or a REJECTED result naming the field and the rule. */
    private NumberedInput parse(int number, String line, List<LineResult> results) {
        if (line.length() > MAX_LINE_LENGTH) {
            results.add(new LineResult(number, LineResult.REJECTED, null, List.of(new LineError("$",
                    "LINE_TOO_LONG", "a line may be at most " + MAX_LINE_LENGTH + " characters"))));
            return null;
        }
        ExpenditureInput input;
        try {
            input = lineReader.readValue(line);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "$" : JsonPaths.ofJackson(e.getPath());
            results.add(new LineResult(number, LineResult.REJECTED, null,
                    List.of(new LineError(field, "INVALID_VALUE", e.getOriginalMessage()))));
            return null;
        } catch (JsonProcessingException e) {
            results.add(new LineResult(number, LineResult.REJECTED, null,
                    List.of(new LineError("$", "MALFORMED_JSON", e.getOriginalMessage()))));
            return null;
        }
        if (input == null) {
            results.add(new LineResult(number, LineResult.REJECTED, null,
                    List.of(new LineError("$", "MALFORMED_JSON", "the line is not a JSON object"))));
            return null;
        }
        List<LineError> errors = validator.validate(input).stream()
                .sorted(Comparator.comparing((ConstraintViolation<ExpenditureInput> v) -> v.getPropertyPath()
                        .toString()))
                .map(v -> new LineError(v.getPropertyPath().toString(), "INVALID_VALUE", v.getMessage()))
                .toList();
        if (!errors.isEmpty()) {
            results.add(new LineResult(number, LineResult.REJECTED, input.externalId(), errors));
            return null;
        }
        return new NumberedInput(number, input);
    }
}
