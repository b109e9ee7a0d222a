package kr.go.ax.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problem details for the gateway's own API, in the same shape the services answer (platform-common's mappers; the
 * gateway keeps its own few lines so that it does not pull in the services' persistence and messaging).
 */
public class GatewayProblemMappers {

    @ServerExceptionMapper
    public Response problem(GatewayProblem e, HttpServerRequest request) {
        return respond(request, e.status(), e.code(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<GatewayProblem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new GatewayProblem.Violation(field(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(GatewayProblem.Violation::field))
                .toList();
        return respond(request, 400, "VALIDATION_FAILED", violations.size() + " field(s) break a rule", violations);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        String field = e instanceof MismatchedInputException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("") : "";
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return respond(request, 400, "VALIDATION_FAILED", "Property '" + unknown.getPropertyName()
                    + "' is not part of this request", List.of(new GatewayProblem.Violation(field,
                            "unknown-property", "not part of this request")));
        }
        return respond(request, 400, "MALFORMED_JSON", "The body is not valid JSON for this operation",
                List.of(new GatewayProblem.Violation(field, "json", e.getOriginalMessage())));
    }

    /** Declared separately: Quarkus has a built-in mapper for this subtype (an empty 400), and the closest wins. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return unreadable(e, request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(HttpServerRequest request) {
        return Response.fromResponse(respond(request, 401, "UNAUTHENTICATED",
                "A valid X-API-Key header is required", List.of()))
                .header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, "FORBIDDEN", "Your key's roles do not allow this", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, request);
        }
        int status = e.getResponse().getStatus();
        return respond(request, status, status == 404 ? "NOT_FOUND" : "HTTP_" + status, e.getMessage(), List.of());
    }

    /**
     * Anything else: a unique-index race (two admins making a key of one name) is a 409; the rest a 500 without
     * details, logged with the request id.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return respond(request, 409, "CONFLICT", "A key with this name exists", List.of());
            }
        }
        org.jboss.logging.Logger.getLogger(GatewayProblemMappers.class).errorf(e, "Request %s failed",
                RequestIds.of(request));
        return respond(request, 500, "INTERNAL_ERROR", "The gateway could not handle this request", List.of());
    }

    private static String field(String path) {
        // create.request.roles[0].<list element> -> roles[0]
        String[] parts = path.replaceAll("\\.<[^>]+>", "").split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static Response respond(HttpServerRequest request, int status, String code, String detail,
            List<GatewayProblem.Violation> violations) {
        JsonObject body = Problems.body(status, code, Response.Status.fromStatusCode(status) == null ? code
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, request.path(),
                RequestIds.of(request));
        if (!violations.isEmpty()) {
            JsonArray list = new JsonArray();
            violations.forEach(v -> list.add(new JsonObject().put("field", v.field()).put("rule", v.rule())
                    .put("message", v.message())));
            body.put("violations", list);
        }
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(body.encode()).build();
    }
}
