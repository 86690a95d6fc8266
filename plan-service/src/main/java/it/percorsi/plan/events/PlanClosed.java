package it.percorsi.plan.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.plan.closed.v1}: the plan's dote expired, was revoked or completed, or refused
 * activation; the plan takes no more changes.
 *
 * @param reason DOTE_EXPIRED, DOTE_REVOKED, DOTE_COMPLETED or ACTIVATION_REFUSED
 */
public record PlanClosed(UUID planId, UUID doteId, String reason, LocalDate closedOn)
    implements PlanEvent {

  public static final String TYPE = "it.percorsi.plan.closed.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
