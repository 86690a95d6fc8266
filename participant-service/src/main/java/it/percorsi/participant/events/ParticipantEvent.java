package it.percorsi.participant.events;

import it.percorsi.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of the participant aggregate on {@code percorsi.participants.v1}, keyed by participant
 * id. Payloads carry ids, codes, dates and flags: never names, tax codes or birth dates. Each type
 * has a JSON Schema in {@code schemas/participant.<verb>.v1.json}.
 */
public interface ParticipantEvent extends DomainEvent {

  String TOPIC = "percorsi.participants.v1";

  UUID participantId();

  @Override
  default String aggregateId() {
    return participantId().toString();
  }

  @Override
  default String aggregateType() {
    return "participant";
  }
}
