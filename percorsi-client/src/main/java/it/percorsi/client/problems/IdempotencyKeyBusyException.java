package it.percorsi.client.problems;

/**
 * {@code idempotency-key-busy} (409): a request with the same key is still being processed; send
 * the same request with the same key again after {@link #retryAfterSeconds()} to get its answer.
 */
public class IdempotencyKeyBusyException extends ConflictException {

  public IdempotencyKeyBusyException(Problem problem) {
    super(problem);
  }
}
