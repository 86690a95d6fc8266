package it.percorsi.participant.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.participant.registered.v1}: a participant entered the registry. Carries the
 * non-identifying facts other services keep; never names, tax code or birth date.
 *
 * @param employmentStatus NEVER_EMPLOYED, UNEMPLOYED or EMPLOYED; absent when not recorded
 * @param consentGiven whether consent to processing for the programme is in force
 * @param minor whether the participant is under 18 today (never the birth date)
 */
public record ParticipantRegistered(
    UUID participantId,
    String regionCode,
    String provinceCode,
    String nationality,
    boolean enteredAsUnaccompaniedMinor,
    String ownerOrgId,
    LocalDate registeredOn,
    String employmentStatus,
    boolean consentGiven,
    boolean minor)
    implements ParticipantEvent {

  public static final String TYPE = "it.percorsi.participant.registered.v1";
  public static final String TOPIC = ParticipantEvent.TOPIC;

  @Override
  public String type() {
    return TYPE;
  }
}
