package it.percorsi.dote.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.dote.activation-refused.v1}: a plan approval reached a dote that had expired,
 * been revoked or completed; plan-service marks the plan.
 */
public record DoteActivationRefused(UUID doteId, UUID planId, String doteState, LocalDate refusedOn)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.activation-refused.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
