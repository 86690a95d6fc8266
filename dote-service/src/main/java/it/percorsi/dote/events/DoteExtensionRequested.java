package it.percorsi.dote.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.dote.extension-requested.v1}: the promoter asked for an extension ("dote
 * plus"); the agency decides.
 */
public record DoteExtensionRequested(UUID doteId, int requestedMonths, LocalDate requestedOn)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.extension-requested.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
