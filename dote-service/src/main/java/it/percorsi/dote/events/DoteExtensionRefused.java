package it.percorsi.dote.events;

import java.time.LocalDate;
import java.util.UUID;

/** {@code it.percorsi.dote.extension-refused.v1}: the agency refused a requested extension. */
public record DoteExtensionRefused(
    UUID doteId, int requestedMonths, String reasonCode, LocalDate refusedOn) implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.extension-refused.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
