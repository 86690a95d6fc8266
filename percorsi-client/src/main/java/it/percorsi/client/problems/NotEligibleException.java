package it.percorsi.client.problems;

/**
 * {@code not-eligible} (422): the participant does not meet the programme's criteria ({@code
 * failedCriteria}).
 */
public class NotEligibleException extends UnprocessableException {

  public NotEligibleException(Problem problem) {
    super(problem);
  }

  /** The criteria the participant does not meet, as answered. */
  public java.util.List<?> failedCriteria() {
    Object v = members().get("failedCriteria");
    return v instanceof java.util.List<?> l ? l : java.util.List.of();
  }
}
