package it.percorsi.platform.audit;

import it.percorsi.platform.caller.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The audit trail of a service: who (subject, client, organisation) did what to which record and
 * when, appended in the transaction of the change. The detail names fields, codes and amounts,
 * never personal data or free text.
 */
@ApplicationScoped
public class AuditTrail {

  /** The actor of changes the service makes itself (scheduled jobs, events from the bus). */
  public static Caller system(String service) {
    return new Caller(service, null, null, Set.of(), Set.of());
  }

  /** One change as shown to a caller. */
  public record Change(Instant at, String action, String detail, Actor by) {}

  /** Who made a change: token subject, OAuth client, organisation. */
  public record Actor(String subject, String clientId, String orgId) {}

  private final EntityManager em;
  private final Clock clock;

  public AuditTrail(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Appends one change of {@code aggregateType} {@code aggregateId} made by {@code by}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String aggregateType, Object aggregateId, String action, String detail, Caller by) {
    AuditEntry e = new AuditEntry();
    e.aggregateType = aggregateType;
    e.aggregateId = aggregateId.toString();
    e.action = action;
    e.detail = detail == null ? "" : detail;
    e.actorSubject = by.subject();
    e.actorClient = by.clientId();
    e.actorOrg = by.orgId();
    e.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    em.persist(e);
  }

  /** The changes of one record, oldest first. */
  @Transactional
  public List<Change> of(String aggregateType, Object aggregateId) {
    return em.createQuery(
            "from AuditEntry e where e.aggregateType = ?1 and e.aggregateId = ?2 order by e.id",
            AuditEntry.class)
        .setParameter(1, aggregateType)
        .setParameter(2, aggregateId.toString())
        .getResultStream()
        .map(
            e ->
                new Change(
                    e.occurredAt,
                    e.action,
                    e.detail,
                    new Actor(e.actorSubject, e.actorClient, e.actorOrg)))
        .toList();
  }
}
