package it.percorsi.client.problems;

/**
 * {@code already-has-dote} (409): the participant holds a live dote, or held one of this programme.
 */
public class AlreadyHasDoteException extends ConflictException {

  public AlreadyHasDoteException(Problem problem) {
    super(problem);
  }
}
