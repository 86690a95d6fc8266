package it.percorsi.plan.plan;

import java.time.Instant;
import java.util.UUID;

/** A plan in a list. */
public record PlanSummary(
    UUID id,
    UUID doteId,
    UUID participantId,
    String promoterOrgId,
    String provinceCode,
    PlanState state,
    int version,
    Integer versionInForce,
    Instant updatedAt) {

  public static PlanSummary of(Plan p) {
    return new PlanSummary(
        p.id,
        p.doteId,
        p.participantId,
        p.promoterOrgId,
        p.provinceCode,
        p.state,
        p.currentVersion,
        p.versionInForce,
        p.updatedAt);
  }
}
