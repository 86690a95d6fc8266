package it.percorsi.client.problems;

/** {@code quota-exhausted} (409): no place is left in the region's quota of the programme. */
public class QuotaExhaustedException extends ConflictException {

  public QuotaExhaustedException(Problem problem) {
    super(problem);
  }

  /** The ISTAT code of the region whose quota is exhausted. */
  public String regionCode() {
    return member("regionCode");
  }
}
