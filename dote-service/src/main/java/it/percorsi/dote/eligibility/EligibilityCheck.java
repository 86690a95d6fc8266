package it.percorsi.dote.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The contract of participant-service's {@code POST /participants/{id}/eligibility-checks}: the
 * programme's criteria and the date they apply at (the planned internship start); the answer says
 * criterion by criterion whether it is satisfied, with a reason and no personal data. Ages are
 * completed years, both bounds inclusive; a yes/no criterion is checked when {@code true}.
 */
public final class EligibilityCheck {

  private EligibilityCheck() {}

  /** The request. */
  public record Request(
      LocalDate at,
      Integer minimumAge,
      Integer maximumAge,
      Boolean enteredAsUnaccompaniedMinor,
      Boolean unemployed,
      Boolean validPermit,
      Boolean unemploymentDeclarationAndServiceAgreement,
      Boolean consent) {}

  /** One criterion's outcome. */
  public record Result(String criterion, boolean satisfied, String reason) {}

  /** The answer. */
  public record Response(
      UUID participantId, LocalDate at, boolean eligible, List<Result> criteria) {}
}
