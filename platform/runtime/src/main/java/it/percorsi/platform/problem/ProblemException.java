package it.percorsi.platform.problem;

/** A domain refusal that maps to one problem detail. Carries no stack trace to the client. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  public ProblemException(Problem problem) {
    super(problem.getTitle() + ": " + problem.getDetail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /** Adds a response header, e.g. {@code Retry-After}. */
  public ProblemException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public java.util.Map<String, String> headers() {
    return java.util.Collections.unmodifiableMap(headers);
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(
        Problem.of("not-found", "Not found", 404, what + " " + id + " does not exist"));
  }

  public static ProblemException conflict(String kind, String title, String detail) {
    return new ProblemException(Problem.of(kind, title, 409, detail));
  }

  public static ProblemException staleWrite(String currentEtag) {
    return new ProblemException(
        Problem.of(
                "stale-write",
                "The resource changed since it was read",
                412,
                "If-Match does not match the current version; read it again and retry")
            .with("currentEtag", currentEtag));
  }

  public static ProblemException preconditionRequired() {
    return new ProblemException(
        Problem.of(
            "precondition-required",
            "If-Match is required",
            428,
            "Send the ETag of the version you read in If-Match"));
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        Problem.validation(java.util.List.of(new Problem.FieldError(field, message))));
  }
}
