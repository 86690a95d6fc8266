package it.percorsi.dote.events;

import it.percorsi.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of a dote (or of its ledger) on {@code percorsi.dotes.v1}, keyed by dote id so that one
 * dote's events stay in order. Payloads carry ids, codes, dates and cents only. Each type has a
 * JSON Schema in {@code schemas/outbound/<type>.json}.
 */
public interface DoteEvent extends DomainEvent {

  String TOPIC = "percorsi.dotes.v1";

  UUID doteId();

  @Override
  default String aggregateId() {
    return doteId().toString();
  }

  @Override
  default String aggregateType() {
    return "dote";
  }
}
