package it.percorsi.webhook.delivery;

import java.time.Duration;

/**
 * What one attempt gave.
 *
 * @param outcome SUCCEEDED, FAILED (an answer other than 2xx, or no answer) or BLOCKED (the address
 *     was refused, nothing was sent)
 * @param statusCode the answer's status, null without one
 * @param retryAfter the answer's Retry-After (429, 503), null without one
 */
public record AttemptResult(
    String outcome, Integer statusCode, long durationMs, String error, Duration retryAfter) {

  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";
  public static final String BLOCKED = "BLOCKED";

  public boolean succeeded() {
    return SUCCEEDED.equals(outcome);
  }

  public boolean gone() {
    return statusCode != null && statusCode == 410;
  }
}
