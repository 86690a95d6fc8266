package it.percorsi.dote.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.dote.events.DoteEvents.DisbursementPaid;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A payment authorised from a line (or a non-payable entry with its reason). */
@Entity
@Table(name = "disbursement")
public class Disbursement extends PanacheEntityBase {

  /** Status of a disbursement. */
  public enum Status {
    AUTHORISED,
    NOT_PAYABLE,
    PAID
  }

  @Id public UUID id;

  @Column(name = "dote_id", nullable = false)
  public UUID doteId;

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

  @Column(name = "source_event_id", nullable = false)
  public String sourceEventId;

  @Column(name = "authorised_at", nullable = false)
  public Instant authorisedAt;

  @Column(name = "payment_reference")
  public String paymentReference;

  @Column(name = "paid_at")
  public Instant paidAt;

  @Version public long version;

  /**
   * The agency confirms the payment; emits {@code disbursement.paid}.
   *
   * @throws ProblemException 409 unless authorised and not yet paid
   */
  public DisbursementPaid pay(String reference, Instant now) {
    if (status != Status.AUTHORISED) {
      throw new ProblemException(
          Problem.of(
                  "invalid-transition",
                  "Transition not allowed",
                  409,
                  "Only an authorised disbursement can be paid; this one is " + status)
              .with("state", status.name()));
    }
    status = Status.PAID;
    paymentReference = reference;
    paidAt = now;
    return new DisbursementPaid(id, doteId, amountCents, reference);
  }
}
