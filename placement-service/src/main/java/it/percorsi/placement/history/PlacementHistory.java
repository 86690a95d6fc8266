package it.percorsi.placement.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.platform.caller.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One entry of the audit trail of an employer, internship or hire: who (subject, client,
 * organisation), when, what kind of change and which fields; never the values.
 */
@Entity
@Table(name = "placement_history")
public class PlacementHistory extends PanacheEntityBase {

  /** The actor of changes the service makes itself (the follow-up job, dote events). */
  public static final Caller SYSTEM =
      new Caller("placement-service", null, null, Set.of(), Set.of());

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "aggregate_type", nullable = false, length = 40)
  public String aggregateType;

  @Column(name = "aggregate_id", nullable = false)
  public UUID aggregateId;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(nullable = false, length = 60)
  public String action;

  /** Changed field names, comma-separated; empty when the action names no field. */
  @Column(nullable = false, length = 2000)
  public String fields;

  @Column(name = "actor_subject", length = 100)
  public String actorSubject;

  @Column(name = "actor_client", length = 100)
  public String actorClient;

  @Column(name = "actor_org", length = 100)
  public String actorOrg;

  protected PlacementHistory() {}

  /** Appends an entry to the trail of {@code aggregateType} {@code aggregateId}. */
  public static void record(
      String aggregateType,
      UUID aggregateId,
      String action,
      List<String> fields,
      Caller by,
      Instant at) {
    PlacementHistory h = new PlacementHistory();
    h.aggregateType = aggregateType;
    h.aggregateId = aggregateId;
    h.action = action;
    h.fields = String.join(",", fields);
    h.actorSubject = by.subject();
    h.actorClient = by.clientId();
    h.actorOrg = by.orgId();
    h.occurredAt = at.truncatedTo(ChronoUnit.MICROS);
    h.persist();
  }

  /** The trail of one aggregate, oldest first. */
  public static List<HistoryEntry> of(String aggregateType, UUID aggregateId) {
    return PlacementHistory.<PlacementHistory>list(
            "aggregateType = ?1 and aggregateId = ?2 order by id", aggregateType, aggregateId)
        .stream()
        .map(
            h ->
                new HistoryEntry(
                    h.occurredAt,
                    h.action,
                    h.fields.isEmpty() ? List.of() : Arrays.asList(h.fields.split(",")),
                    new HistoryEntry.Actor(h.actorSubject, h.actorClient, h.actorOrg)))
        .toList();
  }
}
