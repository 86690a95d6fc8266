package it.percorsi.participant.eligibility;

import it.percorsi.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The criteria of a programme to check for one participant, as dote-service sends them when a
 * promoter applies for a dote. Ages are completed years on {@code at} (the planned internship
 * start), both bounds inclusive; each yes/no criterion is checked when {@code true}.
 */
@Schema(name = "EligibilityCriteria")
public record EligibilityCriteria(
    @Schema(examples = "2027-03-01", description = "Date the criteria apply at") @NotNull
        LocalDate at,
    @Schema(examples = "16") @Min(0) @Max(120) Integer minimumAge,
    @Schema(examples = "22", description = "E.g. 22 for 'younger than 23'") @Min(0) @Max(120)
        Integer maximumAge,
    @Schema(examples = "true") Boolean enteredAsUnaccompaniedMinor,
    @Schema(examples = "true", description = "Never employed or unemployed") Boolean unemployed,
    @Schema(examples = "true", description = "Permit valid at the date, or renewal requested")
        Boolean validPermit,
    @Schema(examples = "true", description = "DID and service agreement dated by the date")
        Boolean unemploymentDeclarationAndServiceAgreement,
    @Schema(examples = "true", description = "Consent to processing in force") Boolean consent) {

  /**
   * @throws ProblemException 400 when no criterion is named or the age bounds are inverted
   */
  public void requireSound() {
    boolean any =
        minimumAge != null
            || maximumAge != null
            || Boolean.TRUE.equals(enteredAsUnaccompaniedMinor)
            || Boolean.TRUE.equals(unemployed)
            || Boolean.TRUE.equals(validPermit)
            || Boolean.TRUE.equals(unemploymentDeclarationAndServiceAgreement)
            || Boolean.TRUE.equals(consent);
    if (!any) {
      throw ProblemException.invalid("body", "names no criterion to check");
    }
    if (minimumAge != null && maximumAge != null && minimumAge > maximumAge) {
      throw ProblemException.invalid("minimumAge", "must not be greater than maximumAge");
    }
  }
}
