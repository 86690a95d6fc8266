package it.percorsi.events;

import java.time.OffsetDateTime;

/**
 * One event as read from Kafka: its CloudEvents attributes (the {@code ce_*} headers of binary
 * mode) and its payload, typed by {@code ce_type} (a class of {@code it.percorsi.events.payload}).
 * An event type this version of the library does not know yet keeps its payload as a Jackson {@code
 * JsonNode}; a field it does not know yet is ignored (within {@code v1} changes are additive).
 *
 * @param id {@code ce_id}, unique per event: de-duplicate on it (delivery is at least once)
 * @param type {@code ce_type}, for example {@code it.percorsi.dote.assigned.v1}
 * @param source {@code ce_source}, the publishing service
 * @param subject {@code ce_subject}, the aggregate id, also the record key
 * @param time {@code ce_time}, when the change committed
 * @param payload the record's value, typed
 */
public record Event<T>(
    String id, String type, String source, String subject, OffsetDateTime time, T payload) {

  /** The payload as {@code kind} if it is one, else null: {@code e.as(DoteAssigned.class)}. */
  public <P> P as(Class<P> kind) {
    return kind.isInstance(payload) ? kind.cast(payload) : null;
  }
}
