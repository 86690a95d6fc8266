package it.percorsi.client.problems;

/** 422: refused by a business rule, or an {@code Idempotency-Key} reused for another request. */
public class UnprocessableException extends ProblemException {

  public UnprocessableException(Problem problem) {
    super(problem);
  }
}
