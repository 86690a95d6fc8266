package it.percorsi.participant.participant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A participant as returned to callers allowed to see it. */
public record ParticipantView(
    UUID id,
    String taxCode,
    String givenName,
    String familyName,
    LocalDate birthDate,
    String sex,
    String nationality,
    LocalDate arrivalDate,
    boolean enteredAsUnaccompaniedMinor,
    String regionCode,
    String residenceProvince,
    String ownerOrgId,
    Instant registeredAt) {

  static ParticipantView of(Participant p) {
    return new ParticipantView(
        p.id,
        p.taxCode,
        p.givenName,
        p.familyName,
        p.birthDate,
        p.sex,
        p.nationality,
        p.arrivalDate,
        p.enteredAsUnaccompaniedMinor,
        p.regionCode,
        p.provinceCode,
        p.ownerOrgId,
        p.registeredAt);
  }
}
