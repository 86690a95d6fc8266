package it.percorsi.webhook.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.webhook.endpoint.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Events that wait for their case: the projections learn a dote or a participant from its own
 * topic, which may be read after an event of another topic about it. Twice a second the first
 * waiting event of each aggregate is tried again; once its case is known it is delivered, then the
 * next of the same aggregate, in order.
 */
@ApplicationScoped
public class ParkedEvents {

  private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

  private final EntityManager em;
  private final CaseResolver cases;
  private final Fanout fanout;
  private final ObjectMapper mapper;

  public ParkedEvents(EntityManager em, CaseResolver cases, Fanout fanout, ObjectMapper mapper) {
    this.em = em;
    this.cases = cases;
    this.fanout = fanout;
    this.mapper = mapper;
  }

  @Scheduled(
      every = "${percorsi.webhooks.parked-retry:500ms}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retry() {
    @SuppressWarnings("unchecked")
    List<String> aggregates =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT DISTINCT aggregate_key FROM webhook_parked_event LIMIT 500")
                        .getResultList());
    for (String aggregate : aggregates) {
      try {
        while (QuarkusTransaction.requiringNew().call(() -> releaseFirst(aggregate))) {
          // next event of the same aggregate
        }
      } catch (RuntimeException e) {
        LOG.warnf("Waiting events of %s not released yet: %s", aggregate, e.getMessage());
      }
    }
  }

  /** Delivers the aggregate's first waiting event if its case is known now. */
  private boolean releaseFirst(String aggregate) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT seq, event_id, event_type, topic, source, subject, record_key, event_time,"
                    + " payload FROM webhook_parked_event WHERE aggregate_key = ?1"
                    + " ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, aggregate)
            .getResultList();
    if (rows.isEmpty()) {
      return false;
    }
    Object[] r = (Object[]) rows.get(0);
    IncomingEvent e;
    try {
      e =
          new IncomingEvent(
              (String) r[1],
              (String) r[2],
              (String) r[4],
              (String) r[5],
              Endpoints.instant(r[7]),
              (String) r[3],
              -1,
              -1,
              (String) r[6],
              mapper.readTree((String) r[8]));
    } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
    Optional<Audience> audience = cases.audience(e);
    if (audience.isEmpty()) {
      return false;
    }
    fanout.deliver(e, aggregate, audience.get());
    em.createNativeQuery("DELETE FROM webhook_parked_event WHERE seq = ?1")
        .setParameter(1, r[0])
        .executeUpdate();
    return true;
  }
}
