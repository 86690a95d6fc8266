package it.percorsi.participant.participant;

import it.percorsi.participant.participant.Codes.CefrLevel;
import it.percorsi.participant.participant.Codes.ConsentGiver;
import it.percorsi.participant.participant.Codes.EmploymentStatus;
import it.percorsi.participant.participant.Codes.PermitKind;
import it.percorsi.participant.participant.Codes.ReceptionType;
import it.percorsi.platform.codes.TaxCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a caller writes about a participant: the body of {@code POST /participants} and the document
 * a {@code PATCH} (JSON Merge Patch) changes. Ownership and organisation come from the token and a
 * transfer by the agency, never from here. Shapes are checked here; rules that relate fields or
 * need reference data are in {@link ParticipantRules}.
 */
@Schema(name = "ParticipantData")
public record ParticipantData(
    @Schema(
            examples = "RSSMRA85T10A562S",
            description =
                "Codice fiscale: 16 characters, or the 11-digit provisional one given to many"
                    + " foreigners; a provisional code can later be replaced by the definitive one")
        @NotBlank
        @Size(max = 20)
        String taxCode,
    @Schema(examples = "Amadou") @NotBlank @Size(max = 100) String givenName,
    @Schema(examples = "Diallo") @NotBlank @Size(max = 100) String familyName,
    @Schema(examples = "M", description = "F, M or X")
        @NotNull
        @Pattern(regexp = "[FMX]", message = "must be F, M or X")
        String sex,
    @Schema(examples = "2007-03-14") @NotNull LocalDate birthDate,
    @Schema(examples = "GIN", description = "ISO 3166-1 alpha-3")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code")
        String birthCountry,
    @Schema(examples = "GIN", description = "ISO 3166-1 alpha-3, XXA for a stateless person")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code")
        String nationality,
    @Schema(examples = "2023-06-02", description = "Arrival in Italy") @NotNull
        LocalDate arrivalDate,
    @Schema(examples = "true") @NotNull Boolean enteredAsUnaccompaniedMinor,
    @Schema(examples = "2023-06-03") LocalDate firstReceptionDate,
    @Schema(examples = "SAI") ReceptionType receptionType,
    @Valid Permit permit,
    @Valid Guardian guardian,
    @Schema(
            examples = "19",
            description = "ISTAT region code; derived from the province when absent")
        @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit ISTAT region code")
        String residenceRegion,
    @Schema(examples = "083", description = "ISTAT province code of residence")
        @NotNull
        @Pattern(regexp = "[0-9]{3}", message = "must be a 3-digit ISTAT province code")
        String residenceProvince,
    @Schema(examples = "083048", description = "ISTAT municipality code of residence")
        @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT municipality code")
        String residenceMunicipality,
    @Schema(examples = "CPI-MESSINA", description = "The employment centre of reference")
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,99}", message = "must be an organisation id")
        String referenceCpi,
    @Schema(examples = "8") @Min(0) @Max(25) Integer yearsOfSchooling,
    @Schema(examples = "A2") CefrLevel italianLevel,
    @Schema(examples = "[\"fr\", \"bm\"]", description = "ISO 639 codes") @Size(max = 20)
        List<String> languages,
    @Schema(examples = "UNEMPLOYED") EmploymentStatus employmentStatus,
    @Schema(examples = "2024-01-15", description = "Date of the unemployment declaration (DID)")
        LocalDate unemploymentDeclarationDate,
    @Schema(
            examples = "2024-01-20",
            description = "Date of the service agreement (patto di servizio)")
        LocalDate serviceAgreementDate,
    @Valid Consent consent) {

  /** Residence permit: kind, number, and an expiry or the receipt of a renewal request. */
  @Schema(name = "Permit")
  public record Permit(
      @Schema(examples = "ASYLUM_REQUEST") @NotNull PermitKind kind,
      @Schema(examples = "I12345678")
          @NotBlank
          @Pattern(regexp = "[A-Z0-9]{5,20}", message = "must be 5 to 20 letters or digits")
          String number,
      @Schema(examples = "2027-06-30") LocalDate expiryDate,
      @Schema(examples = "2027-06-10", description = "Receipt of the renewal request")
          LocalDate renewalReceiptDate) {}

  /** The volunteer guardian of a minor ("tutore volontario"). */
  @Schema(name = "Guardian")
  public record Guardian(
      @Schema(examples = "Maria Bianchi") @NotBlank @Size(max = 200) String name,
      @Schema(examples = "Tribunale per i minorenni di Messina") @NotBlank @Size(max = 200)
          String appointingCourt,
      @Schema(examples = "2023-07-01") @NotNull LocalDate appointmentDate) {}

  /** Consent to processing for the programme. */
  @Schema(name = "Consent")
  public record Consent(
      @Schema(examples = "PARTICIPANT") @NotNull ConsentGiver givenBy,
      @Schema(examples = "2024-01-20") @NotNull LocalDate date) {}

  /**
   * The same data in canonical form (tax code upper-case without spaces, names trimmed, no empty
   * language list), with residence region {@code region} (null: to be derived from the province).
   */
  public ParticipantData normalised(String region) {
    return new ParticipantData(
        TaxCodes.normalise(taxCode),
        givenName == null ? null : givenName.strip(),
        familyName == null ? null : familyName.strip(),
        sex,
        birthDate,
        birthCountry,
        nationality,
        arrivalDate,
        enteredAsUnaccompaniedMinor,
        firstReceptionDate,
        receptionType,
        permit,
        guardian,
        region,
        residenceProvince,
        residenceMunicipality,
        referenceCpi,
        yearsOfSchooling,
        italianLevel,
        languages == null || languages.isEmpty() ? null : new java.util.ArrayList<>(languages),
        employmentStatus,
        unemploymentDeclarationDate,
        serviceAgreementDate,
        consent);
  }
}
