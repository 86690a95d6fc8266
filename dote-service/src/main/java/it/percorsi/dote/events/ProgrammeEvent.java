package it.percorsi.dote.events;

import it.percorsi.platform.events.DomainEvent;

/** An event of a programme on {@code percorsi.dotes.v1}, keyed by programme code. */
public interface ProgrammeEvent extends DomainEvent {

  String programmeCode();

  @Override
  default String aggregateId() {
    return programmeCode();
  }

  @Override
  default String aggregateType() {
    return "programme";
  }
}
