package it.percorsi.participant.payment;

import it.percorsi.platform.payment.PaymentAccountRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One bank account a participant had for the allowance, and when: the current one has no {@code
 * validTo}. Personal data: never logged, never in an event.
 */
@Entity
@Table(name = "participant_payment_account")
public class PaymentAccount extends PaymentAccountRecord {

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  protected PaymentAccount() {}

  static PaymentAccount of(UUID participantId) {
    PaymentAccount a = new PaymentAccount();
    a.participantId = participantId;
    return a;
  }
}
