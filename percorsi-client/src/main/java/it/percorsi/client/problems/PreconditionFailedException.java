package it.percorsi.client.problems;

/** 412: the {@code If-Match} names another version; read the resource again. */
public class PreconditionFailedException extends ProblemException {

  public PreconditionFailedException(Problem problem) {
    super(problem);
  }
}
