package it.percorsi.dote.events;

import java.util.UUID;

/**
 * {@code it.percorsi.dote.extended.v1}: the agency approved an extension ("dote plus"); the
 * internship may run longer.
 */
public record DoteExtended(
    UUID doteId, int addedMonths, int totalExtensionMonths, long addedAllowanceCents)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.extended.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
