package it.percorsi.placement.payment;

import it.percorsi.platform.payment.PaymentAccountRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** One bank account a host had for the host contribution, and when; the current one has no end. */
@Entity
@Table(name = "employer_payment_account")
public class HostPaymentAccount extends PaymentAccountRecord {

  @Column(name = "employer_id", nullable = false)
  public UUID employerId;

  protected HostPaymentAccount() {}

  static HostPaymentAccount of(UUID employerId) {
    HostPaymentAccount a = new HostPaymentAccount();
    a.employerId = employerId;
    return a;
  }
}
