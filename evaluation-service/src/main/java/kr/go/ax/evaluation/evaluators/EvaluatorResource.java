package kr.go.ax.evaluation.evaluators;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;
import kr.go.ax.common.region.Region;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluation/evaluators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluators", description = "The experts who score applications")
@RolesAllowed(Roles.ADMIN)
public class EvaluatorResource {
    private final EvaluatorRepository evaluators;
    private final Clock clock;

    public EvaluatorResource(EvaluatorRepository evaluators, Clock clock) {
        this.evaluators = evaluators;
        this.clock = clock;
    }

    @Schema(description = "An expert to register for evaluation committees")
    public record EvaluatorRequest(
            @Schema(description = "The identity the expert logs in with (the token subject): printable ASCII, unique,"
                    + " at most 100 characters", example = "evaluator-7")
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII")
            String subject,
            @Schema(description = "The expert's name, at most 200 characters", example = "Dr. Lee Ji-eun")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "The region the expert is affiliated with, ISO 3166-2:KR; they are excluded from"
                    + " that region's applications", example = "KR-30")
            @NotBlank String affiliationRegion,
            @Schema(description = "The expert's institution, at most 200 characters; they are excluded from"
                    + " applications it leads or partners in (compared ignoring case)",
                    example = "Korea Advanced Institute of Science and Technology")
            @NotBlank @Size(max = 200) String institution,
            @Schema(description = "Fields of expertise, at most 20 of at most 100 characters each")
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> expertise) {
    }

    @Schema(description = "A registered expert")
    public record EvaluatorResponse(
            @Schema(description = "The evaluator's id", example = "a4d8e2f1-6c3b-4a9e-8f7d-2b1c0e9d8a7f") UUID id,
            @Schema(description = "The identity the expert logs in with", example = "evaluator-7") String subject,
            @Schema(description = "The expert's name", example = "Dr. Lee Ji-eun") String name,
            @Schema(description = "The region the expert is affiliated with, ISO 3166-2:KR", example = "KR-30")
            String affiliationRegion,
            @Schema(description = "The expert's institution", example = "Korea Advanced Institute of Science and"
                    + " Technology")
            String institution,
            @Schema(description = "Fields of expertise") List<String> expertise) {
        public static EvaluatorResponse of(Evaluator e) {
            return new EvaluatorResponse(e.id, e.subject, e.name, e.affiliationRegion, e.institution, e.expertise);
        }
    }

    @POST
    @Transactional
    @Operation(summary = "Register an evaluator; a second registration of the same subject is 409",
            description = "Admin only: registers an expert under the identity (subject) they log in with; their"
                    + " affiliation region and institution drive the automatic conflict-of-interest exclusions."
                    + " Returns 400 when affiliationRegion is not the ISO 3166-2:KR code of one of the 17 regions, and"
                    + " 409 EVALUATOR_EXISTS when the subject is registered already.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EvaluatorResponse.class)))
    @APIResponse(responseCode = "409", description = "The subject is registered already",
            content = @Content(mediaType = "application/problem+json"))
    public Response register(@NotNull @Valid EvaluatorRequest request) {
        if (!Region.isValidCode(request.affiliationRegion())) {
            throw ProblemException.invalid("affiliationRegion", "region-code",
                    "must be an ISO 3166-2:KR code such as KR-26");
        }
        if (evaluators.findBySubject(request.subject()).isPresent()) {
            throw ProblemException.conflict("EVALUATOR_EXISTS",
                    "An evaluator with subject " + request.subject() + " is registered");
        }
        Evaluator e = new Evaluator();
        e.id = UUID.randomUUID();
        e.subject = request.subject();
        e.name = request.name().strip();
        e.affiliationRegion = request.affiliationRegion();
        e.institution = request.institution().strip();
        e.expertise = request.expertise() == null ? List.of() : request.expertise();
        e.createdAt = clock.instant();
        evaluators.persist(e);
        return Response.created(URI.create("/api/v1/evaluation/evaluators/" + e.id))
                .entity(EvaluatorResponse.of(e)).build();
    }

    @GET
    @Operation(summary = "Every registered evaluator, by subject",
            description = "Admin only: every registered evaluator with their affiliation, institution and expertise,"
                    + " ordered by subject; use their ids to appoint a call's panel.")
    public List<EvaluatorResponse> list() {
        return evaluators.listAll(Sort.ascending("subject")).stream().map(EvaluatorResponse::of).toList();
    }
}
