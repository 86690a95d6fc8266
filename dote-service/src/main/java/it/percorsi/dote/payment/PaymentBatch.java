package it.percorsi.dote.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A SEPA credit-transfer batch: the pain.001.001.09 given to the bank, and (in {@link Transfer})
 * one transfer per disbursement. OPEN while a transfer waits for the bank, SETTLED once every one
 * is paid or rejected.
 */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch extends PanacheEntityBase {

  /** Whether transfers still wait for the bank. */
  public enum State {
    OPEN,
    SETTLED
  }

  @Id public UUID id;

  @Column(name = "message_id", nullable = false)
  public String messageId;

  @Column(name = "programme_code")
  public String programmeCode;

  public String period;

  public String kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(nullable = false)
  public int transfers;

  @Column(name = "control_sum_cents", nullable = false)
  public long controlSumCents;

  @Column(name = "requested_on", nullable = false)
  public LocalDate requestedOn;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(nullable = false)
  public String file;

  @Version public long version;

  protected PaymentBatch() {}

  PaymentBatch(UUID id, String messageId, Instant now, LocalDate requestedOn, String createdBy) {
    this.id = id;
    this.messageId = messageId;
    this.createdAt = now;
    this.requestedOn = requestedOn;
    this.createdBy = createdBy;
    this.state = State.OPEN;
  }
}
