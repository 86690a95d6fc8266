package it.percorsi.client.problems;

/** {@code duplicate-participant} (409): a participant with this tax code is registered already. */
public class DuplicateParticipantException extends ConflictException {

  public DuplicateParticipantException(Problem problem) {
    super(problem);
  }
}
