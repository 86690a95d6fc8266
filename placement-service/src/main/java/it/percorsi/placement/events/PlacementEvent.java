package it.percorsi.placement.events;

import it.percorsi.platform.events.DomainEvent;

/**
 * An event of placement-service on {@code percorsi.placements.v1}, keyed by the internship id (or
 * the hire id). Payloads carry ids, codes, dates and numbers: never names, tax codes or free text.
 * Each type has a JSON Schema in {@code schemas/<type>.json}.
 */
public interface PlacementEvent extends DomainEvent {

  String TOPIC = "percorsi.placements.v1";
}
