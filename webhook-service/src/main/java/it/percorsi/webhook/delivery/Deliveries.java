package it.percorsi.webhook.delivery;

import static it.percorsi.webhook.endpoint.Endpoints.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The deliveries: one row per event and endpoint, the endpoint's own outbox. An endpoint is worked
 * on by one worker at a time (a lease on its row, claimed with {@code FOR UPDATE SKIP LOCKED}), and
 * within it the next event of an aggregate waits until the one before is delivered or given up.
 */
@ApplicationScoped
public class Deliveries {

  /** A delivery ready to be attempted, with what the attempt needs. */
  public record Due(
      UUID id,
      UUID endpointId,
      String eventId,
      String eventType,
      String topic,
      String source,
      String subject,
      Instant eventTime,
      String payload,
      int attempts) {}

  /** One attempt as the owner reads it. */
  public record Attempt(
      UUID deliveryId,
      String eventId,
      String eventType,
      int attempt,
      Instant attemptedAt,
      String outcome,
      Integer responseCode,
      long durationMs,
      String error) {}

  private final EntityManager em;

  public Deliveries(EntityManager em) {
    this.em = em;
  }

  public void enqueue(
      UUID endpoint, String eventId, String aggregateKey, boolean replay, Instant now) {
    em.createNativeQuery(
            "INSERT INTO webhook_delivery (id, endpoint_id, event_id, aggregate_key, status,"
                + " attempts, next_attempt_at, replay, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, 'PENDING', 0, ?5, ?6, ?5)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, endpoint)
        .setParameter(3, eventId)
        .setParameter(4, aggregateKey)
        .setParameter(5, at(now))
        .setParameter(6, replay)
        .executeUpdate();
  }

  /**
   * One delivery of the event to each of {@code endpoints}, in one statement (the fan-out of an
   * event to many endpoints is one round trip, not one per endpoint).
   */
  public void enqueueAll(List<UUID> endpoints, String eventId, String aggregateKey, Instant now) {
    if (endpoints.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "INSERT INTO webhook_delivery (id, endpoint_id, event_id, aggregate_key, status,"
                + " attempts, next_attempt_at, replay, created_at)"
                + " SELECT gen_random_uuid(), t.endpoint_id, ?2, ?3, 'PENDING', 0, ?4, FALSE, ?4"
                + " FROM unnest(CAST(string_to_array(?1, ',') AS uuid[])) WITH ORDINALITY"
                + " AS t(endpoint_id, n) ORDER BY t.n")
        .setParameter(1, String.join(",", endpoints.stream().map(UUID::toString).toList()))
        .setParameter(2, eventId)
        .setParameter(3, aggregateKey)
        .setParameter(4, at(now))
        .executeUpdate();
  }

  /**
   * Takes up to {@code max} active endpoints with a due delivery that no worker holds, and leases
   * them until {@code now + lease}.
   */
  @SuppressWarnings("unchecked")
  public List<UUID> claimEndpoints(int max, Instant now, Duration lease) {
    List<UUID> ids =
        em.createNativeQuery(
                "SELECT e.id FROM webhook_endpoint e WHERE e.state = 'ACTIVE'"
                    + " AND (e.lease_until IS NULL OR e.lease_until < ?1)"
                    + " AND EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.endpoint_id = e.id"
                    + " AND d.status = 'PENDING' AND d.next_attempt_at <= ?1)"
                    + " ORDER BY e.lease_until NULLS FIRST LIMIT ?2 FOR UPDATE OF e SKIP LOCKED")
            .setParameter(1, at(now))
            .setParameter(2, max)
            .getResultList();
    if (!ids.isEmpty()) {
      em.createNativeQuery("UPDATE webhook_endpoint SET lease_until = ?2 WHERE id IN (?1)")
          .setParameter(1, ids)
          .setParameter(2, at(now.plus(lease)))
          .executeUpdate();
    }
    return ids;
  }

  /** Keeps the lease while the worker goes on; false when the endpoint is no longer active. */
  public boolean renewLease(UUID endpoint, Instant until) {
    return em.createNativeQuery(
                "UPDATE webhook_endpoint SET lease_until = ?2 WHERE id = ?1 AND state = 'ACTIVE'")
            .setParameter(1, endpoint)
            .setParameter(2, at(until))
            .executeUpdate()
        == 1;
  }

  /**
   * Lets the endpoint go. The lease ends now rather than being cleared: endpoints are claimed the
   * least recently worked first, so that none waits behind others that keep getting deliveries.
   */
  public void releaseLease(UUID endpoint, Instant now) {
    em.createNativeQuery("UPDATE webhook_endpoint SET lease_until = ?2 WHERE id = ?1")
        .setParameter(1, endpoint)
        .setParameter(2, at(now))
        .executeUpdate();
  }

  /**
   * The endpoint's due deliveries whose aggregate has nothing pending before them, oldest first, at
   * most {@code max}: at most one per aggregate (the first pending of each).
   */
  public List<Due> nextDue(UUID endpoint, Instant now, int max) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT d.id, d.endpoint_id, d.event_id, v.event_type, v.topic, v.source,"
                    + " v.subject, v.event_time, v.payload, d.attempts"
                    + " FROM webhook_delivery d JOIN webhook_event v ON v.event_id = d.event_id"
                    + " WHERE d.endpoint_id = ?1 AND d.status = 'PENDING'"
                    + " AND d.next_attempt_at <= ?2"
                    + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery p"
                    + " WHERE p.endpoint_id = d.endpoint_id AND p.aggregate_key = d.aggregate_key"
                    + " AND p.status = 'PENDING' AND p.seq < d.seq)"
                    + " ORDER BY d.seq LIMIT ?3")
            .setParameter(1, endpoint)
            .setParameter(2, at(now))
            .setParameter(3, max)
            .getResultList();
    return rows.stream()
        .map(
            o -> {
              Object[] r = (Object[]) o;
              return new Due(
                  (UUID) r[0],
                  (UUID) r[1],
                  (String) r[2],
                  (String) r[3],
                  (String) r[4],
                  (String) r[5],
                  (String) r[6],
                  instant(r[7]),
                  (String) r[8],
                  ((Number) r[9]).intValue());
            })
        .toList();
  }

  /** One attempt's outcome: its delivery, its number, when it was known. */
  public record Outcome(Due due, int attempt, Instant at, AttemptResult result) {}

  /** Records the attempts in one JDBC batch (one round trip). */
  public void recordAttempts(List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO webhook_attempt (id, delivery_id, endpoint_id, event_id,"
                          + " event_type, attempt, attempted_at, outcome, response_code,"
                          + " duration_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Outcome o : outcomes) {
                  Due d = o.due();
                  AttemptResult r = o.result();
                  ps.setObject(1, UUID.randomUUID());
                  ps.setObject(2, d.id());
                  ps.setObject(3, d.endpointId());
                  ps.setString(4, d.eventId());
                  ps.setString(5, d.eventType());
                  ps.setInt(6, o.attempt());
                  ps.setObject(7, at(o.at()));
                  ps.setString(8, r.outcome());
                  if (r.statusCode() == null) {
                    ps.setNull(9, Types.INTEGER);
                  } else {
                    ps.setInt(9, r.statusCode());
                  }
                  ps.setLong(10, r.durationMs());
                  ps.setString(11, r.error());
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
  }

  /** Marks these deliveries delivered, in one JDBC batch. */
  public void deliveredAll(List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?,"
                          + " finished_at = ? WHERE id = ?")) {
                for (Outcome o : outcomes) {
                  ps.setInt(1, o.attempt());
                  ps.setObject(2, at(o.at()));
                  ps.setObject(3, o.due().id());
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
  }

  public void givenUp(UUID delivery, int attempts, Instant at) {
    finish(delivery, "FAILED", attempts, at);
  }

  private void finish(UUID delivery, String status, int attempts, Instant at) {
    em.createNativeQuery(
            "UPDATE webhook_delivery SET status = ?2, attempts = ?3, finished_at = ?4 WHERE id = ?1")
        .setParameter(1, delivery)
        .setParameter(2, status)
        .setParameter(3, attempts)
        .setParameter(4, at(at))
        .executeUpdate();
  }

  public void retryAt(UUID delivery, int attempts, Instant next) {
    em.createNativeQuery(
            "UPDATE webhook_delivery SET attempts = ?2, next_attempt_at = ?3 WHERE id = ?1")
        .setParameter(1, delivery)
        .setParameter(2, attempts)
        .setParameter(3, at(next))
        .executeUpdate();
  }

  /** Marks the endpoint failing since {@code now} unless it already is; returns since when. */
  public Instant failing(UUID endpoint, Instant now) {
    em.createNativeQuery(
            "UPDATE webhook_endpoint SET failing_since = ?2 WHERE id = ?1 AND failing_since IS NULL")
        .setParameter(1, endpoint)
        .setParameter(2, at(now))
        .executeUpdate();
    return instant(
        em.createNativeQuery("SELECT failing_since FROM webhook_endpoint WHERE id = ?1")
            .setParameter(1, endpoint)
            .getSingleResult());
  }

  public void succeeding(UUID endpoint) {
    em.createNativeQuery(
            "UPDATE webhook_endpoint SET failing_since = NULL WHERE id = ?1"
                + " AND failing_since IS NOT NULL")
        .setParameter(1, endpoint)
        .executeUpdate();
  }

  /** The endpoint's attempts, newest first. */
  @SuppressWarnings("unchecked")
  public List<Attempt> attempts(UUID endpoint, String eventId, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT delivery_id, event_id, event_type, attempt, attempted_at, outcome,"
                    + " response_code, duration_ms, error FROM webhook_attempt"
                    + " WHERE endpoint_id = ?1 AND (CAST(?2 AS VARCHAR) IS NULL OR event_id = ?2)"
                    + " ORDER BY attempted_at DESC, attempt DESC LIMIT ?3")
            .unwrap(NativeQuery.class)
            .setParameter(1, endpoint)
            .setParameter(2, eventId, String.class)
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Attempt(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue(),
                    instant(r[4]),
                    (String) r[5],
                    r[6] == null ? null : ((Number) r[6]).intValue(),
                    ((Number) r[7]).longValue(),
                    (String) r[8]))
        .toList();
  }

  /** Drops what is older than the retention: attempts, finished deliveries, unused events. */
  public int purge(Instant before) {
    int n =
        em.createNativeQuery("DELETE FROM webhook_attempt WHERE attempted_at < ?1")
            .setParameter(1, at(before))
            .executeUpdate();
    n +=
        em.createNativeQuery(
                "DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND finished_at < ?1")
            .setParameter(1, at(before))
            .executeUpdate();
    n +=
        em.createNativeQuery(
                "DELETE FROM webhook_event v WHERE v.received_at < ?1 AND NOT EXISTS"
                    + " (SELECT 1 FROM webhook_delivery d WHERE d.event_id = v.event_id)")
            .setParameter(1, at(before))
            .executeUpdate();
    return n;
  }

  static OffsetDateTime at(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
