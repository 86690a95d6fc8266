package it.percorsi.client.problems;

/** 400: the request is not valid; {@link #fieldErrors()} names each field. */
public class BadRequestException extends ProblemException {

  public BadRequestException(Problem problem) {
    super(problem);
  }
}
