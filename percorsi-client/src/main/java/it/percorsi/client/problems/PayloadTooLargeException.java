package it.percorsi.client.problems;

/** 413: the request body is too large. */
public class PayloadTooLargeException extends ProblemException {

  public PayloadTooLargeException(Problem problem) {
    super(problem);
  }
}
