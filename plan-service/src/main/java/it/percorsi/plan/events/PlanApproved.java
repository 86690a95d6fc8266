package it.percorsi.plan.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.plan.approved.v1}: a version of the plan is approved and in force;
 * dote-service activates the dote on the first one. The contract (planId, doteId, approvedOn)
 * stands; version and approvedByOrgId are additive.
 */
public record PlanApproved(
    UUID planId, UUID doteId, LocalDate approvedOn, int version, String approvedByOrgId)
    implements PlanEvent {

  public static final String TYPE = "it.percorsi.plan.approved.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
