package it.percorsi.dote.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.dote.completed.v1}: the internship ended and its months are settled; nothing
 * more is paid.
 */
public record DoteCompleted(UUID doteId, LocalDate completedOn, String outcome)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.completed.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
