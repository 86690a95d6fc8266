package it.percorsi.platform.events;

/**
 * A fact that happened to an aggregate, as published on the bus.
 *
 * <p>Implementations are records of ids, codes, dates and amounts only: personal data (names, tax
 * codes, birth dates) never goes into an event.
 */
public interface DomainEvent {

  /** CloudEvents type, {@code it.percorsi.<aggregate>.<past-tense-verb>.v1}. */
  String type();

  /** Id of the aggregate the event belongs to; the Kafka record key and the CloudEvents subject. */
  String aggregateId();

  /** Aggregate name, e.g. {@code participant}. */
  String aggregateType();
}
