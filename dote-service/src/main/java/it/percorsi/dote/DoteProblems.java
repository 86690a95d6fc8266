package it.percorsi.dote;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every refusal dote-service gives, in one place: its stable problem type, title, HTTP status and
 * wording. Aggregates and services name the refusal; only this catalogue knows how it is said over
 * HTTP.
 */
public final class DoteProblems {

  private DoteProblems() {}

  /** An action the record's state does not allow. */
  public static ProblemException invalidTransition(String action, Object state) {
    return new ProblemException(
        Problem.of(
                "invalid-transition",
                "Transition not allowed",
                409,
                "Cannot " + action + " in state " + state)
            .with("state", String.valueOf(state)));
  }

  public static ProblemException programmeClosed(
      String programme, LocalDate opens, LocalDate closes) {
    return new ProblemException(
        Problem.of(
                "programme-closed",
                "Programme closed",
                409,
                "Programme " + programme + " accepts applications from " + opens + " to " + closes)
            .with("applicationOpens", opens)
            .with("applicationCloses", closes));
  }

  public static ProblemException plannedStartOutOfRange(LocalDate earliest, LocalDate latest) {
    return ProblemException.invalid(
        "plannedInternshipStart",
        "must be between " + earliest + " and " + latest + " (the programme's start deadline)");
  }

  public static ProblemException regionNotInProgramme(String region, String programme) {
    return new ProblemException(
        Problem.of(
                "region-not-in-programme",
                "Region not in programme",
                422,
                "Programme " + programme + " has no places for region " + region)
            .with("regionCode", region));
  }

  public static ProblemException quotaExhausted(String region, String programme) {
    return new ProblemException(
        Problem.of(
                "quota-exhausted",
                "Regional quota exhausted",
                409,
                "No place is left in region " + region + " for programme " + programme)
            .with("regionCode", region));
  }

  public static ProblemException promoterCapReached(int cap, String programme) {
    return new ProblemException(
        Problem.of(
                "promoter-cap-reached",
                "Promoter cap reached",
                409,
                "Your organisation already holds the "
                    + cap
                    + " dotes programme "
                    + programme
                    + " allows")
            .with("promoterCap", cap));
  }

  public static ProblemException alreadyHasDote(UUID participantId) {
    return new ProblemException(
        Problem.of(
            "already-has-dote",
            "Participant already has a dote",
            409,
            "Participant "
                + participantId
                + " already holds a live dote, or has held one of this programme"));
  }

  public static ProblemException notEligible(String programme, List<?> failedCriteria) {
    return new ProblemException(
        Problem.of(
                "not-eligible",
                "Participant not eligible",
                422,
                "The participant does not meet "
                    + failedCriteria.size()
                    + " criteria of programme "
                    + programme)
            .with("failedCriteria", failedCriteria));
  }

  public static ProblemException eligibilityUnavailable(int retryAfterSeconds) {
    return new ProblemException(
            Problem.of(
                "eligibility-unavailable",
                "Eligibility check unavailable",
                503,
                "participant-service did not answer; nothing was reserved, retry later"))
        .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
  }

  public static ProblemException extensionNotAllowed(
      String programme, int maxMonths, int grantedMonths) {
    return new ProblemException(
        Problem.of(
                "extension-not-allowed",
                "Extension not allowed",
                409,
                "Programme "
                    + programme
                    + " allows at most "
                    + maxMonths
                    + " months of extension; "
                    + grantedMonths
                    + " already granted")
            .with("maxExtensionMonths", maxMonths)
            .with("extensionMonths", grantedMonths));
  }

  public static ProblemException extensionPending(int requestedMonths) {
    return new ProblemException(
        Problem.of(
                "extension-pending",
                "Extension already requested",
                409,
                "An extension of " + requestedMonths + " months waits for the agency's decision")
            .with("requestedMonths", requestedMonths));
  }

  public static ProblemException noExtensionRequested() {
    return ProblemException.conflict(
        "extension-not-requested",
        "No extension requested",
        "The promoter has not requested an extension of this dote");
  }

  public static ProblemException programmeExists(String code) {
    return ProblemException.conflict(
        "duplicate-programme", "Programme exists", "A programme with code " + code + " exists");
  }

  public static ProblemException disbursementNotAuthorised(Object status) {
    return new ProblemException(
        Problem.of(
                "invalid-transition",
                "Transition not allowed",
                409,
                "Only an authorised disbursement can be paid; this one is " + status)
            .with("state", String.valueOf(status)));
  }
}
