package it.percorsi.client.problems;

/** 403: the caller's role or organisation may not do this. */
public class ForbiddenException extends ProblemException {

  public ForbiddenException(Problem problem) {
    super(problem);
  }
}
