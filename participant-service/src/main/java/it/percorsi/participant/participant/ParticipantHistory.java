package it.percorsi.participant.participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.platform.caller.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a participant's audit trail: who (subject, client, organisation), when, what kind of
 * change and which fields. Never the values, so the trail holds no personal data of the participant
 * and survives erasure as it is.
 */
@Entity
@Table(name = "participant_history")
public class ParticipantHistory extends PanacheEntityBase {

  /** Kinds of change. */
  public static final String REGISTERED = "registered";

  public static final String UPDATED = "updated";
  public static final String CONSENT_WITHDRAWN = "consent-withdrawn";
  public static final String CAME_OF_AGE = "came-of-age";
  public static final String OWNERSHIP_TRANSFERRED = "ownership-transferred";
  public static final String ERASED = "erased";

  /** The actor of changes made by the service itself (the daily job). */
  public static final Caller SYSTEM =
      new Caller("participant-service", null, null, java.util.Set.of(), java.util.Set.of());

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(nullable = false, length = 40)
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

  protected ParticipantHistory() {}

  public static ParticipantHistory of(
      UUID participantId, String action, List<String> fields, Caller by, Instant at) {
    ParticipantHistory h = new ParticipantHistory();
    h.participantId = participantId;
    h.action = action;
    h.fields = String.join(",", fields);
    h.actorSubject = by.subject();
    h.actorClient = by.clientId();
    h.actorOrg = by.orgId();
    h.occurredAt = at;
    return h;
  }

  public List<String> fieldList() {
    return fields.isEmpty() ? List.of() : Arrays.asList(fields.split(","));
  }
}
