package it.percorsi.participant.participant;

import it.percorsi.participant.participant.Codes.CefrLevel;
import it.percorsi.participant.participant.Codes.ConsentGiver;
import it.percorsi.participant.participant.Codes.EmploymentStatus;
import it.percorsi.participant.participant.Codes.ReceptionType;
import it.percorsi.participant.participant.Codes.TaxCodeKind;
import it.percorsi.participant.participant.ParticipantData.Guardian;
import it.percorsi.participant.participant.ParticipantData.Permit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A participant as returned to callers allowed to see it: what {@link ParticipantData} holds, plus
 * the facts the service keeps (ownership, tax code history, consent record, timestamps). Absent
 * fields are not recorded; after erasure only the non-identifying facts remain.
 */
public record ParticipantView(
    UUID id,
    String taxCode,
    List<TaxCodeView> taxCodeHistory,
    String givenName,
    String familyName,
    String sex,
    LocalDate birthDate,
    String birthCountry,
    String nationality,
    Boolean minor,
    LocalDate arrivalDate,
    boolean enteredAsUnaccompaniedMinor,
    LocalDate firstReceptionDate,
    ReceptionType receptionType,
    Permit permit,
    Guardian guardian,
    String residenceRegion,
    String residenceProvince,
    String residenceMunicipality,
    String referenceCpi,
    Integer yearsOfSchooling,
    CefrLevel italianLevel,
    List<String> languages,
    EmploymentStatus employmentStatus,
    LocalDate unemploymentDeclarationDate,
    LocalDate serviceAgreementDate,
    ConsentView consent,
    boolean consentGiven,
    String ownerOrgId,
    String registeredByOrgId,
    Instant registeredAt,
    Instant updatedAt,
    Instant erasedAt) {

  /** A tax code held now or before. */
  public record TaxCodeView(
      String taxCode, TaxCodeKind kind, Instant assignedAt, Instant replacedAt) {}

  /** The consent record: who gave it, when, and when it was withdrawn. */
  public record ConsentView(ConsentGiver givenBy, LocalDate date, LocalDate withdrawalDate) {}

  static ParticipantView of(Participant p, List<TaxCodeRecord> taxCodes, LocalDate today) {
    ParticipantData d = p.data();
    return new ParticipantView(
        p.id,
        p.taxCode,
        taxCodes.isEmpty()
            ? null
            : taxCodes.stream()
                .map(t -> new TaxCodeView(t.taxCode, t.kind, t.assignedAt, t.replacedAt))
                .toList(),
        p.givenName,
        p.familyName,
        p.sex,
        p.birthDate,
        p.birthCountry,
        p.nationality,
        p.birthDate == null ? null : p.minorOn(today),
        p.arrivalDate,
        p.enteredAsUnaccompaniedMinor,
        p.firstReceptionDate,
        p.receptionType,
        d.permit(),
        d.guardian(),
        p.regionCode,
        p.provinceCode,
        p.municipalityCode,
        p.referenceCpi,
        p.yearsOfSchooling,
        p.italianLevel,
        d.languages(),
        p.employmentStatus,
        p.unemploymentDeclarationDate,
        p.serviceAgreementDate,
        p.consentDate == null
            ? null
            : new ConsentView(p.consentGivenBy, p.consentDate, p.consentWithdrawalDate),
        p.consentGiven(),
        p.ownerOrgId,
        p.registeredByOrgId,
        p.registeredAt,
        p.updatedAt,
        p.erasedAt);
  }
}
