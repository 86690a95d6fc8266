package it.percorsi.client.problems;

/**
 * {@code promoter-cap-reached} (409): the organisation holds as many dotes as the programme allows
 * it.
 */
public class PromoterCapReachedException extends ConflictException {

  public PromoterCapReachedException(Problem problem) {
    super(problem);
  }
}
