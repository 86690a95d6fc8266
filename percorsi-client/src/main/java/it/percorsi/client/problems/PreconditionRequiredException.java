package it.percorsi.client.problems;

/** 428: {@code If-Match} is required; read the resource for its {@code ETag}. */
public class PreconditionRequiredException extends ProblemException {

  public PreconditionRequiredException(Problem problem) {
    super(problem);
  }
}
