package it.percorsi.plan.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code it.percorsi.plan.returned.v1}: the agency or the CPI sent a submitted version back to the
 * promoter. Reason codes only; the reviewer's note stays in plan-service.
 */
public record PlanReturned(
    UUID planId,
    UUID doteId,
    int version,
    List<String> reasonCodes,
    String returnedByOrgId,
    LocalDate returnedOn)
    implements PlanEvent {

  public static final String TYPE = "it.percorsi.plan.returned.v1";

  public PlanReturned {
    reasonCodes = List.copyOf(reasonCodes);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
