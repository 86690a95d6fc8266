package it.percorsi.client.problems;

/** {@code idempotency-key-reused} (422): the key was used before for another request. */
public class IdempotencyKeyReusedException extends UnprocessableException {

  public IdempotencyKeyReusedException(Problem problem) {
    super(problem);
  }
}
