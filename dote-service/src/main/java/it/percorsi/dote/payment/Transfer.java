package it.percorsi.dote.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One credit transfer of a batch, paying one disbursement. PENDING until the bank (or the agency)
 * says PAID or REJECTED; settled once: a later report about it changes nothing. At most one PENDING
 * or PAID transfer per disbursement (a unique index).
 */
@Entity
@Table(name = "payment_transfer")
public class Transfer extends PanacheEntityBase {

  /** Where the transfer stands. */
  public enum Status {
    PENDING,
    PAID,
    REJECTED
  }

  /** Whose account it pays. */
  public enum PayeeKind {
    PARTICIPANT,
    HOST,
    PROMOTER
  }

  /** Batch and disbursement. */
  @Embeddable
  public record Key(
      @Column(name = "batch_id") UUID batchId,
      @Column(name = "disbursement_id") UUID disbursementId)
      implements Serializable {}

  @EmbeddedId public Key id;

  @Column(name = "end_to_end_id", nullable = false)
  public String endToEndId;

  @Enumerated(EnumType.STRING)
  @Column(name = "payee_kind", nullable = false)
  public PayeeKind payeeKind;

  @Column(name = "amount_cents", nullable = false)
  public long amountCents;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  public String reason;

  @Column(name = "settled_at")
  public Instant settledAt;

  @Column(name = "settled_by")
  public String settledBy;

  protected Transfer() {}

  Transfer(UUID batchId, UUID disbursementId, String endToEndId, PayeeKind kind, long cents) {
    this.id = new Key(batchId, disbursementId);
    this.endToEndId = endToEndId;
    this.payeeKind = kind;
    this.amountCents = cents;
    this.status = Status.PENDING;
  }

  /** Whether this settles it now (false when it was settled already). */
  boolean settle(Status outcome, String why, Instant now, String by) {
    if (status != Status.PENDING || outcome == Status.PENDING) {
      return false;
    }
    status = outcome;
    reason = why;
    settledAt = now;
    settledBy = by;
    return true;
  }
}
