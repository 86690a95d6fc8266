package it.percorsi.participant.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.participant.consent-withdrawn.v1}: consent to processing for the programme was
 * withdrawn; no new dote may be assigned to the participant (fail closed).
 */
public record ParticipantConsentWithdrawn(UUID participantId, LocalDate withdrawnOn)
    implements ParticipantEvent {

  public static final String TYPE = "it.percorsi.participant.consent-withdrawn.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
