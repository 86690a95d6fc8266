package it.percorsi.dote.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.dote.expired.v1}: the plan was not approved by the start deadline; the quota
 * place returned.
 */
public record DoteExpired(UUID doteId, String programmeCode, String regionCode, LocalDate expiredOn)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.expired.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
