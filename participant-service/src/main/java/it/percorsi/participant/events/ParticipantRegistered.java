package it.percorsi.participant.events;

import it.percorsi.platform.events.DomainEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.participant.registered.v1}: a participant entered the registry. Carries the
 * non-identifying facts other services keep; never names, tax code or birth date.
 */
public record ParticipantRegistered(
    UUID participantId,
    String regionCode,
    String provinceCode,
    String nationality,
    boolean enteredAsUnaccompaniedMinor,
    String ownerOrgId,
    LocalDate registeredOn)
    implements DomainEvent {

  public static final String TYPE = "it.percorsi.participant.registered.v1";
  public static final String TOPIC = "percorsi.participants.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return participantId.toString();
  }

  @Override
  public String aggregateType() {
    return "participant";
  }
}
