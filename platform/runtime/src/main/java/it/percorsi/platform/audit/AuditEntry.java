package it.percorsi.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit trail; written by {@link AuditTrail} only. */
@Entity
@Table(name = "audit_trail")
public class AuditEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "aggregate_type", nullable = false)
  public String aggregateType;

  @Column(name = "aggregate_id", nullable = false)
  public String aggregateId;

  @Column(nullable = false)
  public String action;

  @Column(nullable = false)
  public String detail;

  @Column(name = "actor_subject")
  public String actorSubject;

  @Column(name = "actor_client")
  public String actorClient;

  @Column(name = "actor_org")
  public String actorOrg;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  protected AuditEntry() {}
}
