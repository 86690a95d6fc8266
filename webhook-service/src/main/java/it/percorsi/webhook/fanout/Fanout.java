package it.percorsi.webhook.fanout;

import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.webhook.delivery.Deliveries;
import it.percorsi.webhook.delivery.DeliveryWorker;
import it.percorsi.webhook.endpoint.Endpoint;
import it.percorsi.webhook.endpoint.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Turns one event into deliveries, in the inbox transaction: stores the event with the case it is
 * about, then adds a delivery for every endpoint that chose its type and whose owner may see that
 * case (the platform's {@code CaseScope}, as for the REST API). An event whose case is not known
 * yet, or that follows one of its aggregate that is waiting, waits too ({@link ParkedEvents}).
 */
@ApplicationScoped
public class Fanout {

  private static final Object WAKE_KEY = new Object();

  private final EntityManager em;
  private final CaseResolver cases;
  private final Endpoints endpoints;
  private final Deliveries deliveries;
  private final DeliveryWorker worker;
  private final TransactionSynchronizationRegistry tsr;

  public Fanout(
      EntityManager em,
      CaseResolver cases,
      Endpoints endpoints,
      Deliveries deliveries,
      DeliveryWorker worker,
      TransactionSynchronizationRegistry tsr) {
    this.em = em;
    this.cases = cases;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.worker = worker;
    this.tsr = tsr;
  }

  /** The aggregate an event belongs to: its topic and record key (the aggregate id). */
  public static String aggregateKey(IncomingEvent e) {
    String key = e.key() != null ? e.key() : e.subject() != null ? e.subject() : e.id();
    return e.topic() + "/" + key;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void accept(IncomingEvent e) {
    String aggregate = aggregateKey(e);
    boolean waiting =
        ((Number)
                    em.createNativeQuery(
                            "SELECT count(*) FROM webhook_parked_event WHERE aggregate_key = ?1")
                        .setParameter(1, aggregate)
                        .getSingleResult())
                .longValue()
            > 0;
    Optional<Audience> audience = waiting ? Optional.empty() : cases.audience(e);
    if (audience.isEmpty()) {
      park(e, aggregate);
      return;
    }
    deliver(e, aggregate, audience.get());
  }

  /** Stores the event and its deliveries. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int deliver(IncomingEvent e, String aggregate, Audience audience) {
    Instant now = Instant.now();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO webhook_event (event_id, event_type, topic, source, subject,"
                    + " aggregate_key, event_time, payload, scope, owner_org_id, province_code,"
                    + " received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                    + " ON CONFLICT DO NOTHING")
            .unwrap(NativeQuery.class)
            .setParameter(1, e.id())
            .setParameter(2, e.type())
            .setParameter(3, e.topic())
            .setParameter(4, e.source(), String.class)
            .setParameter(5, e.subject(), String.class)
            .setParameter(6, aggregate)
            .setParameter(7, at(e.time()))
            .setParameter(8, e.data().toString())
            .setParameter(9, audience.scope())
            .setParameter(10, audience.ownerOrgId(), String.class)
            .setParameter(11, audience.provinceCode(), String.class)
            .setParameter(12, at(now))
            .executeUpdate();
    if (inserted == 0) {
      return 0; // the same event id again (another topic's copy): delivered once
    }
    List<UUID> admitted =
        endpoints.receiving(e.type()).stream()
            .filter(endpoint -> audience.admits(endpoint.owner()))
            .map(Endpoint::id)
            .toList();
    deliveries.enqueueAll(admitted, e.id(), aggregate, now);
    if (!admitted.isEmpty()) {
      wakeWorkerAfterCommit();
    }
    return admitted.size();
  }

  private void park(IncomingEvent e, String aggregate) {
    em.createNativeQuery(
            "INSERT INTO webhook_parked_event (event_id, event_type, topic, source, subject,"
                + " record_key, aggregate_key, event_time, payload, parked_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING")
        .unwrap(NativeQuery.class)
        .setParameter(1, e.id())
        .setParameter(2, e.type())
        .setParameter(3, e.topic())
        .setParameter(4, e.source(), String.class)
        .setParameter(5, e.subject(), String.class)
        .setParameter(6, e.key(), String.class)
        .setParameter(7, aggregate)
        .setParameter(8, at(e.time()))
        .setParameter(9, e.data().toString())
        .setParameter(10, at(Instant.now()))
        .executeUpdate();
  }

  private void wakeWorkerAfterCommit() {
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
              worker.wake();
            }
          }
        });
  }

  static OffsetDateTime at(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
