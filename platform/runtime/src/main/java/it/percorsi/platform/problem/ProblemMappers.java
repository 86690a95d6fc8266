package it.percorsi.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into RFC 9457 {@code application/problem+json}: domain refusals, validation
 * (with field errors), malformed bodies, security, and anything unexpected (a generic detail and a
 * trace id, logged once; never a class name or stack trace).
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  public static Response response(Problem problem) {
    return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  @ServerExceptionMapper
  public Response domain(ProblemException e, UriInfo uri) {
    // A relative reference: the internal host never leaks through the gateway.
    Problem problem =
        e.problem().withInstance(java.net.URI.create(uri.getRequestUri().getRawPath()));
    Response.ResponseBuilder b =
        Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
    e.headers().forEach(b::header);
    return b.build();
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return response(Problem.validation(errors));
  }

  /** Strips the method and parameter nodes: {@code register.body.taxCode} → {@code taxCode}. */
  static String fieldName(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        if (node.getName() == null) {
          continue;
        }
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(node.getName());
        if (node.getIndex() != null) {
          sb.append('[').append(node.getIndex()).append(']');
        }
      }
    }
    if (sb.isEmpty()) {
      // A parameter-level constraint (query parameter, header): name the parameter.
      for (Path.Node node : path) {
        if (node.getKind() == ElementKind.PARAMETER) {
          return node.getName();
        }
      }
      return "body";
    }
    return sb.toString();
  }

  @ServerExceptionMapper(priority = 1)
  public Response unrecognized(UnrecognizedPropertyException e) {
    return response(
        Problem.validation(
            List.of(new Problem.FieldError(path(e), "is not a known field of this request"))));
  }

  @ServerExceptionMapper(priority = 1)
  public Response invalidFormat(InvalidFormatException e) {
    String message = "has an invalid value";
    Class<?> target = e.getTargetType();
    String expected = target == null ? null : expectedType(target, e.getValue());
    if (expected != null) {
      message = expected;
    } else if (target != null && target.isEnum()) {
      // Name the allowed codes, so a caller can fix the value without reading the docs.
      message +=
          "; allowed: "
              + java.util.Arrays.stream(target.getEnumConstants())
                  .map(c -> ((Enum<?>) c).name())
                  .collect(java.util.stream.Collectors.joining(", "));
    }
    return response(Problem.validation(List.of(new Problem.FieldError(path(e), message))));
  }

  /**
   * A value of the wrong JSON shape (an array where a date belongs, an object for a string). Mapped
   * explicitly: Quarkus' own mapper for this exact type would answer an empty 400.
   */
  @ServerExceptionMapper(priority = 1)
  public Response mismatched(MismatchedInputException e) {
    return mapping(e);
  }

  @ServerExceptionMapper(priority = 1)
  public Response mapping(JsonMappingException e) {
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith("Trailing token")) {
      return response(
          Problem.validation(
              List.of(new Problem.FieldError("body", "has content after the JSON value"))));
    }
    return response(
        Problem.validation(
            List.of(new Problem.FieldError(path(e), "has the wrong type or shape"))));
  }

  @ServerExceptionMapper(priority = 1)
  public Response malformed(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith(DUPLICATE)) {
      int end = original.indexOf('\'', DUPLICATE.length());
      String field = end > 0 ? original.substring(DUPLICATE.length(), end) : "body";
      return response(
          Problem.validation(
              List.of(new Problem.FieldError(field, "appears more than once in the object"))));
    }
    return response(
        Problem.of(
            "malformed-request", "Malformed JSON", 400, "The request body is not valid JSON"));
  }

  /** How Jackson's strict parser names a key given twice: {@code Duplicate field 'name'}. */
  private static final String DUPLICATE = "Duplicate field '";

  /**
   * What a field needed when the value had the wrong JSON type or an invalid form (see {@link
   * it.percorsi.platform.json.StrictJson}); null when the generic message fits better.
   */
  private static String expectedType(Class<?> target, Object value) {
    if (target == String.class) {
      return value instanceof String
          ? it.percorsi.platform.json.StrictJson.TEXT_MESSAGE
          : "must be a JSON string";
    }
    if (target == java.time.LocalDate.class) {
      return it.percorsi.platform.json.StrictJson.DATE_MESSAGE;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      if (target == Integer.class
          || target == int.class
          || target == Long.class
          || target == long.class
          || target == Short.class
          || target == short.class
          || target == java.math.BigInteger.class) {
        return "must be a JSON integer";
      }
      if (Number.class.isAssignableFrom(target)
          || target == double.class
          || target == float.class) {
        return "must be a JSON number";
      }
      if (target == Boolean.class || target == boolean.class) {
        return "must be true or false";
      }
    }
    return null;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return unauthorized();
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e) {
    return unauthorized();
  }

  static Response unauthorized() {
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .entity(Problem.unauthorized())
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return response(Problem.forbidden());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    if (e instanceof it.percorsi.platform.http.TypedParameters.InvalidParameter) {
      return e.getResponse();
    }
    // Quarkus REST wraps body deserialisation failures: answer them as what they are.
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      return unrecognized(u);
    }
    if (cause instanceof InvalidFormatException i) {
      return invalidFormat(i);
    }
    if (cause instanceof JsonMappingException m) {
      return mapping(m);
    }
    if (cause instanceof JsonProcessingException j) {
      return malformed(j);
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e);
    }
    Response.Status.Family family = Response.Status.Family.familyOf(status);
    if (family != Response.Status.Family.CLIENT_ERROR) {
      return e.getResponse();
    }
    String reason =
        Response.Status.fromStatusCode(status) == null
            ? "Client error"
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    String kind =
        switch (status) {
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          case 406 -> "not-acceptable";
          case 413 -> "payload-too-large";
          case 415 -> "unsupported-media-type";
          default -> "bad-request";
        };
    Response.ResponseBuilder b =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(Problem.of(kind, reason, status, reason));
    String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      b.header(HttpHeaders.ALLOW, allow);
    }
    return b.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    if (DatabaseUnavailable.causes(e)) {
      // The database restarting or out of connections: nothing was written (the transaction
      // could not commit), so the client may retry the same request, with its Idempotency-Key.
      LOG.warnf("Database unavailable: %s", DatabaseUnavailable.summary(e));
      return Response.status(503)
          .type(Problem.MEDIA_TYPE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .entity(
              Problem.of(
                  "upstream-unavailable",
                  "Service unavailable",
                  503,
                  "The service's database is unavailable; nothing was changed, retry after"
                      + " the seconds in Retry-After"))
          .build();
    }
    String traceId = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected error, trace id %s", traceId);
    return response(Problem.internal(traceId));
  }
}
