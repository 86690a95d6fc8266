package it.percorsi.platform.projection.dote;

import it.percorsi.platform.inbox.IncomingEvent;

/**
 * Fired (synchronously, in the inbox transaction) after a dote event was applied to the projection,
 * so that a service reacts to it in the same transaction: plan-service opens the draft plan of an
 * assigned dote, placement-service lengthens an internship when the dote is extended. A redelivered
 * event is not fired again.
 *
 * @param type the CloudEvents type, e.g. {@code it.percorsi.dote.assigned.v1}
 * @param event the event as read from the bus
 * @param dote the projection after the event was applied
 */
public record DoteProjected(String type, IncomingEvent event, DoteProjection dote) {

  public boolean is(String eventType) {
    return type.equals(eventType);
  }
}
