package it.percorsi.client.problems;

/**
 * 503 (or another 5xx): a service needed is unavailable; retry after {@link #retryAfterSeconds()}
 * when given.
 */
public class ServiceUnavailableException extends ProblemException {

  public ServiceUnavailableException(Problem problem) {
    super(problem);
  }
}
