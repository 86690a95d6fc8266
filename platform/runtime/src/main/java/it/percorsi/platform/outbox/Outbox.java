package it.percorsi.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.platform.events.DomainEvent;
import it.percorsi.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Appends events to the outbox inside the caller's transaction.
 *
 * <p>The row commits or rolls back with the state change it describes; after a commit the relay is
 * woken so that publication does not wait for the next poll. The row keeps the request's trace
 * context, so the consumers' spans join the request's trace.
 */
@ApplicationScoped
public class Outbox {

  private static final Object WAKE_KEY = new Object();

  private final EntityManager em;
  private final ObjectMapper mapper;
  private final TransactionSynchronizationRegistry tsr;
  private final OutboxRelay relay;
  private final Clock clock;

  public Outbox(
      EntityManager em,
      ObjectMapper mapper,
      TransactionSynchronizationRegistry tsr,
      OutboxRelay relay,
      Clock clock) {
    this.em = em;
    this.mapper = mapper;
    this.tsr = tsr;
    this.relay = relay;
    this.clock = clock;
  }

  /**
   * Records {@code event} for publication on {@code topic}; must run inside a transaction.
   *
   * @return the event id, which becomes the CloudEvents {@code id}
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID append(String topic, DomainEvent event) {
    UUID id = UUID.randomUUID();
    String payload;
    try {
      payload = mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event " + event.type() + " cannot be serialised", e);
    }
    em.createNativeQuery(
            "INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type,"
                + " payload, occurred_at, traceparent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .unwrap(NativeQuery.class)
        .setParameter(1, id)
        .setParameter(2, topic)
        .setParameter(3, event.aggregateType())
        .setParameter(4, event.aggregateId())
        .setParameter(5, event.type())
        .setParameter(6, payload)
        .setParameter(7, OffsetDateTime.now(clock))
        // Typed: a null (not traced) must bind as text, not as an untyped null.
        .setParameter(8, TraceContext.currentTraceparent(), String.class)
        .executeUpdate();
    wakeRelayAfterCommit();
    return id;
  }

  private void wakeRelayAfterCommit() {
    if (tsr.getResource(WAKE_KEY) != null) {
      return;
    }
    tsr.putResource(WAKE_KEY, Boolean.TRUE);
    tsr.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              relay.wake();
            }
          }
        });
  }
}
