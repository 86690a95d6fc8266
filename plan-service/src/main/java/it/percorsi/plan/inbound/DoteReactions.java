package it.percorsi.plan.inbound;

import it.percorsi.plan.plan.ClosedReason;
import it.percorsi.plan.plan.Plan;
import it.percorsi.plan.plan.PlanService;
import it.percorsi.platform.inbox.PoisonEventException;
import it.percorsi.platform.projection.dote.DoteEvents;
import it.percorsi.platform.projection.dote.DoteProjected;
import it.percorsi.platform.projection.dote.DoteProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What a dote's events mean for its plan, in the inbox transaction that projected them: an assigned
 * dote gets its draft plan; a dote that expired, was revoked or completed closes it; an approval
 * that dote-service refused (the dote had ended) closes it with that reason.
 */
@ApplicationScoped
public class DoteReactions {

  private final PlanService plans;

  public DoteReactions(PlanService plans) {
    this.plans = plans;
  }

  void on(@Observes DoteProjected e) {
    DoteProjection d = e.dote();
    switch (e.type()) {
      case DoteEvents.ASSIGNED ->
          plans.open(
              new Plan.Dote(
                  d.doteId,
                  d.participantId,
                  d.programmeCode,
                  d.promoterOrgId,
                  d.regionCode,
                  d.provinceCode));
      case DoteEvents.EXPIRED -> plans.close(d.doteId, ClosedReason.DOTE_EXPIRED, d.closedOn);
      case DoteEvents.REVOKED -> plans.close(d.doteId, ClosedReason.DOTE_REVOKED, d.closedOn);
      case DoteEvents.COMPLETED -> plans.close(d.doteId, ClosedReason.DOTE_COMPLETED, d.closedOn);
      case DoteEvents.ACTIVATION_REFUSED ->
          plans.close(d.doteId, ClosedReason.ACTIVATION_REFUSED, refusedOn(e));
      default -> {
        // Activation and extension change nothing in the plan: the projection has them.
      }
    }
  }

  private static LocalDate refusedOn(DoteProjected e) {
    try {
      return LocalDate.parse(e.event().text("refusedOn"));
    } catch (DateTimeParseException x) {
      throw new PoisonEventException("event " + e.event().id() + " has an invalid refusedOn", x);
    }
  }
}
