package it.percorsi.dote.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The contract of participant-service's {@code POST /participants/{id}/eligibility-checks}: the
 * programme's criteria and the date they are evaluated at; the answer says criterion by criterion
 * whether it is met, with a reason and no personal data.
 */
public final class EligibilityCheck {

  private EligibilityCheck() {}

  /** Criteria of a programme, as participant-service evaluates them. */
  public record Criteria(
      Integer minAge,
      Integer maxAgeExclusive,
      Boolean enteredAsUnaccompaniedMinor,
      Boolean unemployed,
      Boolean validPermit,
      Boolean didAndServiceAgreement,
      Boolean consent) {}

  /** The request. */
  public record Request(LocalDate referenceDate, Criteria criteria) {}

  /** One criterion's outcome. */
  public record Result(String criterion, boolean met, String reason) {}

  /** The answer. */
  public record Response(boolean eligible, List<Result> results) {}
}
