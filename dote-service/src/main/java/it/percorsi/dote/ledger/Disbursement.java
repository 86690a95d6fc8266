package it.percorsi.dote.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.dote.DoteProblems;
import it.percorsi.dote.events.DisbursementBatched;
import it.percorsi.dote.events.DisbursementPaid;
import it.percorsi.dote.events.DisbursementRejected;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The settlement of one period of one line of a dote (a month of allowance, a service delivery, the
 * host contribution): a payment authorised, or a non-payable entry that keeps the reason. One per
 * dote, line and period (a unique index).
 */
@Entity
@Table(name = "disbursement")
public class Disbursement extends PanacheEntityBase {

  /** Status of a disbursement. */
  public enum Status {
    AUTHORISED,
    NOT_PAYABLE,
    /** In a payment batch, waiting for the bank. */
    BATCHED,
    PAID
  }

  @Id public UUID id;

  @Column(name = "dote_id", nullable = false)
  public UUID doteId;

  @Column(name = "promoter_org_id", nullable = false)
  public String promoterOrgId;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public BudgetLine.Kind kind;

  @Column(nullable = false)
  public String period;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "amount_cents", nullable = false)
  public long amountCents;

  public String reason;

  /** Which report of the period this settles (a corrected report has a higher revision). */
  @Column(nullable = false)
  public int revision;

  @Column(name = "source_event_id", nullable = false)
  public String sourceEventId;

  @Column(name = "authorised_at", nullable = false)
  public Instant authorisedAt;

  @Column(name = "payment_reference")
  public String paymentReference;

  @Column(name = "paid_at")
  public Instant paidAt;

  /** Why the bank rejected the last transfer of this disbursement (it is payable again). */
  @Column(name = "rejection_reason")
  public String rejectionReason;

  @Column(name = "rejected_at")
  public Instant rejectedAt;

  @Version public long version;

  protected Disbursement() {}

  static Disbursement of(
      Account a, BudgetLine.Kind kind, String period, int revision, String eventId, Instant now) {
    Disbursement x = new Disbursement();
    x.id = UUID.randomUUID();
    x.doteId = a.doteId();
    x.promoterOrgId = a.promoterOrgId();
    x.provinceCode = a.provinceCode();
    x.kind = kind;
    x.period = period;
    x.revision = revision;
    x.sourceEventId = eventId;
    x.authorisedAt = now;
    x.status = Status.NOT_PAYABLE;
    return x;
  }

  void authorise(long cents, int revision, String eventId, Instant now) {
    status = Status.AUTHORISED;
    amountCents = cents;
    reason = null;
    this.revision = revision;
    sourceEventId = eventId;
    authorisedAt = now;
  }

  void refuse(String why, int revision, String eventId, Instant now) {
    status = Status.NOT_PAYABLE;
    amountCents = 0;
    reason = why;
    this.revision = revision;
    sourceEventId = eventId;
    authorisedAt = now;
  }

  /** Whether a later report of the period may still change this settlement. */
  boolean reopenableBy(int laterRevision) {
    return status == Status.NOT_PAYABLE && laterRevision > revision;
  }

  /**
   * The agency confirms the payment; emits {@code disbursement.paid}.
   *
   * @throws it.percorsi.platform.problem.ProblemException unless authorised and not yet paid
   */
  public DisbursementPaid pay(String reference, Instant now) {
    if (status != Status.AUTHORISED) {
      throw DoteProblems.disbursementNotAuthorised(status);
    }
    status = Status.PAID;
    paymentReference = reference;
    paidAt = now;
    return new DisbursementPaid(id, doteId, amountCents, reference);
  }

  /**
   * Puts the disbursement in a payment batch; emits {@code disbursement.batched}.
   *
   * @throws IllegalStateException unless authorised (the batch selected it under lock)
   */
  public DisbursementBatched batch(UUID batchId, String endToEndId) {
    if (status != Status.AUTHORISED || amountCents <= 0) {
      throw new IllegalStateException("disbursement " + id + " is " + status);
    }
    status = Status.BATCHED;
    return new DisbursementBatched(id, doteId, batchId, endToEndId, amountCents);
  }

  /** The bank (or the agency) settled its transfer; emits {@code disbursement.paid}. */
  public DisbursementPaid settlePaid(String reference, Instant now) {
    if (status != Status.BATCHED) {
      throw new IllegalStateException("disbursement " + id + " is " + status);
    }
    status = Status.PAID;
    paymentReference = reference;
    paidAt = now;
    return new DisbursementPaid(id, doteId, amountCents, reference);
  }

  /**
   * The bank rejected its transfer: payable again, with the reason; emits {@code
   * disbursement.rejected}.
   */
  public DisbursementRejected settleRejected(UUID batchId, String why, Instant now) {
    if (status != Status.BATCHED) {
      throw new IllegalStateException("disbursement " + id + " is " + status);
    }
    status = Status.AUTHORISED;
    rejectionReason = why;
    rejectedAt = now;
    return new DisbursementRejected(id, doteId, batchId, amountCents, why);
  }

  public String etag() {
    return it.percorsi.platform.http.Preconditions.etag(version);
  }
}
