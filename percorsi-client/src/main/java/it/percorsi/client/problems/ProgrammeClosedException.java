package it.percorsi.client.problems;

/** {@code programme-closed} (409): outside the programme's application window. */
public class ProgrammeClosedException extends ConflictException {

  public ProgrammeClosedException(Problem problem) {
    super(problem);
  }
}
