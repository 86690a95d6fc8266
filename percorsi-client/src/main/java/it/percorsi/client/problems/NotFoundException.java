package it.percorsi.client.problems;

/** 404: no such resource, or not the caller's (another organisation's record is a 404). */
public class NotFoundException extends ProblemException {

  public NotFoundException(Problem problem) {
    super(problem);
  }
}
