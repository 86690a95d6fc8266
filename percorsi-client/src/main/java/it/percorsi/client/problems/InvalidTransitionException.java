package it.percorsi.client.problems;

/** {@code invalid-transition} (409): the record's state does not allow the action. */
public class InvalidTransitionException extends ConflictException {

  public InvalidTransitionException(Problem problem) {
    super(problem);
  }
}
