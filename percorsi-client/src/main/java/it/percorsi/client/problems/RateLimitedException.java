package it.percorsi.client.problems;

/** 429: the calling client's rate limit; retry after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends ProblemException {

  public RateLimitedException(Problem problem) {
    super(problem);
  }
}
