package it.percorsi.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One version of a plan: its content as a JSON document and where it stands. Changed only by its
 * {@link Plan}; an approved version is never written again.
 */
@Entity
@Table(name = "plan_version")
public class PlanVersion extends PanacheEntityBase {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_id", nullable = false)
  Plan plan;

  @Column(nullable = false)
  public int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public VersionState state;

  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  String content;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "submitted_at")
  public Instant submittedAt;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decided_on")
  public LocalDate decidedOn;

  @Column(name = "decided_by_org", length = 100)
  public String decidedByOrg;

  /** Reason codes of the last return, comma-separated. */
  @Column(name = "return_reasons", length = 400)
  String returnReasons;

  @Column(name = "return_note", length = 2000)
  public String returnNote;

  @Column(name = "superseded_on")
  public LocalDate supersededOn;

  protected PlanVersion() {}

  static PlanVersion draft(Plan plan, int number, PlanContent content, Instant now) {
    PlanVersion v = new PlanVersion();
    v.id = UUID.randomUUID();
    v.plan = plan;
    v.number = number;
    v.state = VersionState.DRAFT;
    v.content = PlanDocuments.write(content);
    v.createdAt = now;
    v.updatedAt = now;
    return v;
  }

  public PlanContent content() {
    return PlanDocuments.read(content);
  }

  /** The stored JSON document. */
  public String document() {
    return content;
  }

  void write(PlanContent next, Instant now) {
    if (!state.writable()) {
      throw new IllegalStateException("version " + number + " is " + state);
    }
    content = PlanDocuments.write(next);
    state = VersionState.DRAFT;
    updatedAt = now;
  }

  public List<ReturnReason> returnReasons() {
    return returnReasons == null || returnReasons.isEmpty()
        ? List.of()
        : Arrays.stream(returnReasons.split(",")).map(ReturnReason::valueOf).toList();
  }

  void returned(List<ReturnReason> reasons, String note, String byOrg, LocalDate on, Instant at) {
    state = VersionState.RETURNED;
    returnReasons = String.join(",", reasons.stream().map(Enum::name).toList());
    returnNote = note;
    decidedByOrg = byOrg;
    decidedOn = on;
    decidedAt = at;
    updatedAt = at;
  }
}
