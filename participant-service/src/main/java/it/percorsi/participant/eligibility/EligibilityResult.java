package it.percorsi.participant.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an eligibility check: each criterion with its result and a reason, and whether all
 * hold. No personal data: a reason says whether a bound is met, never the age or a date of the
 * person.
 */
public record EligibilityResult(
    UUID participantId, LocalDate at, boolean eligible, List<CriterionResult> criteria) {

  /** One criterion's outcome. */
  public record CriterionResult(String criterion, boolean satisfied, String reason) {}
}
