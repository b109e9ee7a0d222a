package kr.go.ax.applications.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/results")
@Tag(name = "Results", description = "The results framework: baselines, targets and actuals of selected applications")
@Authenticated
public class ResultsResource {
    static final String CSV = "text/csv";
    /** Quotes only where CSV needs it (Jackson's default also quotes values that merely start with a digit). */
    private static final CsvMapper CSV_MAPPER = (CsvMapper) new CsvMapper()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .findAndRegisterModules();
    private static final CsvSchema CSV_SCHEMA = CSV_MAPPER.schemaFor(ResultsService.CsvRow.class).withHeader();

    private final ResultsService results;
    private final Caller caller;
    private final Clock clock;

    public ResultsResource(ResultsService results, Caller caller, Clock clock) {
        this.results = results;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The call's results per selected region", description = "For each SELECTED application of"
            + " the call: every indicator's baseline and target (from the application) and actual per reported"
            + " period, and the latest SME AI adoption against the national baseline of the region's area (40.4%"
            + " in the capital area, 17.9% outside it). Admins, portals and evaluators see every region; a region"
            + " sees only its own. The same as CSV with Accept: text/csv. 400 when callId is missing or not a"
            + " UUID, 404 for an unknown call.")
    public ResultsView json(@Parameter(description = "The call", required = true, example =
            "5d2e7a10-9c1b-4f3e-8a6d-0b1c2d3e4f50") @QueryParam("callId") String callId) {
        return view(callId);
    }

    @GET
    // Lower server preference: a client accepting anything gets JSON.
    @Produces(CSV + ";qs=0.5")
    @Operation(summary = "The call's results per selected region, as CSV", description = "One row per region,"
            + " indicator and reported period (a row without period before the first report), with a header:"
            + " callId, regionCode, regionName, capitalArea, applicationId, indicator, baseline, target,"
            + " nationalBaseline, period, value. Same access as the JSON view.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = CSV,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response csv(@QueryParam("callId") String callId) throws JsonProcessingException {
        ResultsView view = view(callId);
        String body = CSV_MAPPER.writer(CSV_SCHEMA).writeValueAsString(ResultsService.rows(view));
        return Response.ok(body, CSV + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"results-" + view.callId() + ".csv\"").build();
    }

    private ResultsView view(String callId) {
        UUID id;
        try {
            id = UUID.fromString(callId == null ? "" : callId.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("callId", "uuid", "the query parameter callId must be a call's id");
        }
        Optional<String> onlyRegion = caller.is(Roles.ADMIN) || caller.is(Roles.PORTAL) || caller.is(Roles.EVALUATOR)
                ? Optional.empty() : Optional.of(caller.requireRegion());
        return results.forCall(id, onlyRegion, clock.instant());
    }
}
