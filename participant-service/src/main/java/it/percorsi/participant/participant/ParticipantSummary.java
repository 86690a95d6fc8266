package it.percorsi.participant.participant;

import it.percorsi.participant.participant.Codes.EmploymentStatus;
import java.time.Instant;
import java.util.UUID;

/** A participant in a list: enough to recognise the person and the case; details by id. */
public record ParticipantSummary(
    UUID id,
    String givenName,
    String familyName,
    String residenceRegion,
    String residenceProvince,
    boolean enteredAsUnaccompaniedMinor,
    EmploymentStatus employmentStatus,
    boolean consentGiven,
    String ownerOrgId,
    String registeredByOrgId,
    Instant registeredAt,
    boolean erased) {

  static ParticipantSummary of(Participant p) {
    return new ParticipantSummary(
        p.id,
        p.givenName,
        p.familyName,
        p.regionCode,
        p.provinceCode,
        p.enteredAsUnaccompaniedMinor,
        p.employmentStatus,
        p.consentGiven(),
        p.ownerOrgId,
        p.registeredByOrgId,
        p.registeredAt,
        p.erased());
  }
}
