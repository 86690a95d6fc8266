package it.percorsi.participant.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.participant.erased.v1}: the participant's personal data were erased at their
 * request; consumers drop whatever they hold about the person and keep only what financial audit
 * needs (the id and non-identifying facts).
 */
public record ParticipantErased(UUID participantId, LocalDate erasedOn)
    implements ParticipantEvent {

  public static final String TYPE = "it.percorsi.participant.erased.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
