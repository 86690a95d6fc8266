package it.percorsi.participant.events;

import java.util.UUID;

/**
 * {@code it.percorsi.participant.came-of-age.v1}: a participant registered as a minor turned 18; a
 * guardian is no longer required (and the guardianship recorded has ended); a consent the guardian
 * gave is now the participant's. Sent once, by the daily job; it carries no date, which would
 * reveal the birthday.
 */
public record ParticipantCameOfAge(UUID participantId) implements ParticipantEvent {

  public static final String TYPE = "it.percorsi.participant.came-of-age.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
