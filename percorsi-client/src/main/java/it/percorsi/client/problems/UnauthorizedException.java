package it.percorsi.client.problems;

/** 401: no valid bearer token (expired, another realm or audience). */
public class UnauthorizedException extends ProblemException {

  public UnauthorizedException(Problem problem) {
    super(problem);
  }
}
