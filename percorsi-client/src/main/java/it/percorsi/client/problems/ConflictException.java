package it.percorsi.client.problems;

/** 409: refused in the resource's current state; {@link #kind()} says which refusal. */
public class ConflictException extends ProblemException {

  public ConflictException(Problem problem) {
    super(problem);
  }
}
