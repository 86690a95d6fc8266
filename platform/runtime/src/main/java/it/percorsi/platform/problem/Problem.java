package it.percorsi.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of error; extension members
 * (such as {@code errors} for validation) are serialised at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String BASE = "https://percorsi.it/problems/";

  private final URI type;
  private final String title;
  private final int status;
  private final String detail;
  private final URI instance;
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  public Problem(URI type, String title, int status, String detail, URI instance) {
    this.type = type;
    this.title = title;
    this.status = status;
    this.detail = detail;
    this.instance = instance;
  }

  public static Problem of(String kind, String title, int status, String detail) {
    return new Problem(type(kind), title, status, detail, null);
  }

  public static URI type(String kind) {
    return URI.create(BASE + kind);
  }

  public Problem with(String name, Object value) {
    if (value != null) {
      extensions.put(name, value);
    }
    return this;
  }

  public Problem withInstance(URI instance) {
    Problem p = new Problem(type, title, status, detail, instance);
    p.extensions.putAll(extensions);
    return p;
  }

  public URI getType() {
    return type;
  }

  public String getTitle() {
    return title;
  }

  public int getStatus() {
    return status;
  }

  public String getDetail() {
    return detail;
  }

  public URI getInstance() {
    return instance;
  }

  @JsonAnyGetter
  public Map<String, Object> getExtensions() {
    return extensions;
  }

  /** 401: no valid token. */
  public static Problem unauthorized() {
    return of(
        "unauthorized",
        "Authentication required",
        401,
        "A valid bearer token from the percorsi realm is required");
  }

  /** 403: the caller's role may not do this. */
  public static Problem forbidden() {
    return of("forbidden", "Forbidden", 403, "Your role does not allow this operation");
  }

  /** 500 with a trace id that the caller can quote and the log carries. */
  public static Problem internal(String traceId) {
    return of(
            "internal",
            "Internal error",
            500,
            "Something went wrong on our side; quote the trace id when reporting it")
        .with("traceId", traceId);
  }

  /** One field-level validation error. */
  public record FieldError(String field, String message) {}

  public static Problem validation(List<FieldError> errors) {
    return of(
            "validation",
            "The request is not valid",
            400,
            errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid")
        .with("errors", errors);
  }
}
