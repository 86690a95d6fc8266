package it.percorsi.client.problems;

/**
 * {@code eligibility-unavailable} (503): the eligibility check did not answer; nothing was
 * reserved, retry later.
 */
public class EligibilityUnavailableException extends ServiceUnavailableException {

  public EligibilityUnavailableException(Problem problem) {
    super(problem);
  }
}
