package it.percorsi.plan.events;

import it.percorsi.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of the plan aggregate on {@code percorsi.plans.v1}, keyed by plan id. Payloads carry
 * ids, codes, dates, hours and cents: never names or the plan's free text. Each type has a JSON
 * Schema in {@code schemas/<type>.json}.
 */
public interface PlanEvent extends DomainEvent {

  String TOPIC = "percorsi.plans.v1";

  UUID planId();

  @Override
  default String aggregateId() {
    return planId().toString();
  }

  @Override
  default String aggregateType() {
    return "plan";
  }
}
