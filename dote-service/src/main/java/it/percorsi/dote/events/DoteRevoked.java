package it.percorsi.dote.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.dote.revoked.v1}: the agency revoked the dote. {@code reason} repeats the
 * reason code: the free-text reason stays out of the event.
 */
public record DoteRevoked(UUID doteId, String reason, String reasonCode, LocalDate revokedOn)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.revoked.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
