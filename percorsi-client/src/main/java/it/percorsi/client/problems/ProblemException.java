package it.percorsi.client.problems;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9457 problem the platform answered ({@code application/problem+json}), as an unchecked
 * exception. Its subclasses are the problem {@code type}s a partner handles in code ({@link
 * QuotaExhaustedException}, ...) and, for any other type, the kind of its status ({@link
 * ConflictException} for a 409, ...): catch the most specific one you care about.
 */
public class ProblemException extends RuntimeException {

  /** The base of every problem type URI: {@code https://percorsi.it/problems/<kind>}. */
  public static final String BASE = "https://percorsi.it/problems/";

  private final int status;
  private final URI type;
  private final String title;
  private final String detail;
  private final Map<String, Object> members;
  private final Optional<Long> retryAfterSeconds;

  public ProblemException(Problem problem) {
    super(problem.status() + " " + problem.type() + ": " + problem.detailOrTitle());
    this.status = problem.status();
    this.type = problem.type();
    this.title = problem.title();
    this.detail = problem.detail();
    this.members = Collections.unmodifiableMap(problem.members());
    this.retryAfterSeconds = problem.retryAfterSeconds();
  }

  public int status() {
    return status;
  }

  /** The stable problem type, for example {@code https://percorsi.it/problems/quota-exhausted}. */
  public URI type() {
    return type;
  }

  /** The last segment of the type: {@code quota-exhausted}. */
  public String kind() {
    String t = type.toString();
    return t.startsWith(BASE) ? t.substring(BASE.length()) : t;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** Every member of the problem object, including the extension members of its type. */
  public Map<String, Object> members() {
    return members;
  }

  /** Seconds to wait before retrying, from {@code Retry-After} (429 and 503). */
  public Optional<Long> retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Field errors of a 400 ({@code errors}: field and message), empty otherwise. */
  @SuppressWarnings("unchecked")
  public List<Map<String, String>> fieldErrors() {
    Object errors = members.get("errors");
    return errors instanceof List<?> l ? (List<Map<String, String>>) l : List.of();
  }

  protected String member(String name) {
    Object v = members.get(name);
    return v == null ? null : v.toString();
  }
}
