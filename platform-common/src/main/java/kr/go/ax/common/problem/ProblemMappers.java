package kr.go.ax.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import kr.go.ax.common.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into an RFC 9457 body. Bad input is always a 4xx that names the field and the
 * rule; anything unexpected is a 500 whose details stay in the log (found by the request id), never in the body.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(request, e.status(), e.code(), e.title(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(JsonPaths.ofPropertyPath(v.getPropertyPath()), JsonPaths.ruleOf(v),
                        v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldViolation::field))
                .toList();
        return respond(request, 400, ProblemCode.VALIDATION_FAILED, "Request is not valid",
                violations.size() + " field(s) break a rule", violations);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    /** Declared separately: Quarkus has a built-in mapper for this subtype, and the closest type wins. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, request);
        }
        String code = switch (status) {
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> "HTTP_" + status;
        };
        Response.StatusType statusInfo = e.getResponse().getStatusInfo();
        Response.ResponseBuilder builder = builder(request, status, code, statusInfo.getReasonPhrase(),
                status == 404 ? "No resource at " + request.path() : e.getMessage(), List.of());
        // 405 must keep its Allow header so clients can discover the permitted methods.
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        return respond(request, 401, ProblemCode.UNAUTHENTICATED, "Unauthenticated",
                "A valid identity is required; call the API through the gateway with an API key", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, ProblemCode.FORBIDDEN, "Forbidden",
                "Your role does not allow this operation", List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        return internal(e, request);
    }

    private Response internal(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "Unexpected failure of %s %s", request.method(), request.path());
        return respond(request, 500, ProblemCode.INTERNAL_ERROR, "Internal error",
                "The request failed on the server; quote the request id when reporting it", List.of());
    }

    private Response jsonProblem(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = JsonPaths.ofJackson(unknown.getPath());
            return invalid(request, field, "unknown-property",
                    "Property '" + unknown.getPropertyName() + "' is not part of this request");
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) e;
            String field = JsonPaths.ofJackson(mapping.getPath());
            String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? JsonPaths.describeType(mismatch.getTargetType())
                    : "another type";
            return invalid(request, field.isEmpty() ? "$" : field, "type",
                    "Value is not valid here: expected " + expected);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(request, JsonPaths.ofJackson(mapping.getPath()), "value", mapping.getOriginalMessage());
        }
        return respond(request, 400, ProblemCode.MALFORMED_JSON, "Malformed JSON",
                "The body is not well-formed JSON: " + e.getOriginalMessage(), List.of());
    }

    private Response invalid(HttpServerRequest request, String field, String rule, String message) {
        return respond(request, 400, ProblemCode.VALIDATION_FAILED, "Request is not valid", message,
                List.of(new FieldViolation(field, rule, message)));
    }

    private static Response respond(HttpServerRequest request, int status, String code, String title,
            String detail, List<FieldViolation> violations) {
        return builder(request, status, code, title, detail, violations).build();
    }

    private static Response.ResponseBuilder builder(HttpServerRequest request, int status, String code,
            String title, String detail, List<FieldViolation> violations) {
        Problem body = new Problem(Problem.typeFor(code), title, status, detail, request.path(), code, violations,
                RequestIds.of(request));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }
}
