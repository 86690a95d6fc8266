package it.percorsi.plan.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.plan.amended.v1}: the promoter opened a new draft version of an approved plan;
 * the approved version stays in force until the new one is approved.
 */
public record PlanAmended(
    UUID planId, UUID doteId, int version, int versionInForce, LocalDate amendedOn)
    implements PlanEvent {

  public static final String TYPE = "it.percorsi.plan.amended.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
