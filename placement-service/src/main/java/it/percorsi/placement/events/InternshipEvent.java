package it.percorsi.placement.events;

import java.util.UUID;

/** An event of an internship, keyed by its id. */
public interface InternshipEvent extends PlacementEvent {

  UUID internshipId();

  @Override
  default String aggregateId() {
    return internshipId().toString();
  }

  @Override
  default String aggregateType() {
    return "internship";
  }
}
