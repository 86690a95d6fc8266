package it.percorsi.dote.events;

import java.time.LocalDate;
import java.util.UUID;

/** {@code it.percorsi.dote.activated.v1}: the plan was approved and the budget committed. */
public record DoteActivated(
    UUID doteId,
    UUID planId,
    LocalDate activatedOn,
    long allowanceCents,
    long hostContributionCents,
    long promoterServicesCents)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.activated.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
