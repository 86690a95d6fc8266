package it.percorsi.plan.plan;

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
import java.util.Set;
import java.util.UUID;

/**
 * One entry of a plan's audit trail: who (subject, client, organisation), when, what kind of
 * change, on which version, and what it touched (section names, reason codes, ids) — never free
 * text.
 */
@Entity
@Table(name = "plan_history")
public class PlanHistory extends PanacheEntityBase {

  public static final String OPENED = "opened";
  public static final String WRITTEN = "written";
  public static final String SUBMITTED = "submitted";
  public static final String RETURNED = "returned";
  public static final String APPROVED = "approved";
  public static final String AMENDED = "amended";
  public static final String CLOSED = "closed";
  public static final String DELIVERY_RECORDED = "delivery-recorded";
  public static final String DELIVERY_VALIDATED = "delivery-validated";
  public static final String DELIVERY_REJECTED = "delivery-rejected";

  /** The actor of what the service does on its own, on an event from another service. */
  public static final Caller SYSTEM = new Caller("plan-service", null, null, Set.of(), Set.of());

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "plan_id", nullable = false)
  public UUID planId;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(nullable = false, length = 40)
  public String action;

  @Column(name = "version_number")
  public Integer versionNumber;

  /** What the change touched, comma-separated; empty when nothing more to say. */
  @Column(nullable = false, length = 400)
  public String detail;

  @Column(name = "actor_subject", length = 100)
  public String actorSubject;

  @Column(name = "actor_client", length = 100)
  public String actorClient;

  @Column(name = "actor_org", length = 100)
  public String actorOrg;

  protected PlanHistory() {}

  public static PlanHistory of(
      UUID planId, String action, Integer version, List<String> detail, Caller by, Instant at) {
    PlanHistory h = new PlanHistory();
    h.planId = planId;
    h.action = action;
    h.versionNumber = version;
    String joined = String.join(",", detail);
    h.detail = joined.length() > 400 ? joined.substring(0, 400) : joined;
    h.actorSubject = by.subject();
    h.actorClient = by.clientId();
    h.actorOrg = by.orgId();
    h.occurredAt = at;
    return h;
  }

  public List<String> detailList() {
    return detail.isEmpty() ? List.of() : Arrays.asList(detail.split(","));
  }
}
