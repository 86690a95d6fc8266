package it.percorsi.plan.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.plan.submitted.v1}: the promoter submitted a complete version for approval.
 */
public record PlanSubmitted(UUID planId, UUID doteId, int version, LocalDate submittedOn)
    implements PlanEvent {

  public static final String TYPE = "it.percorsi.plan.submitted.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
