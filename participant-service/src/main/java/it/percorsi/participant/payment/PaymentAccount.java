package it.percorsi.participant.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.platform.caller.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One bank account a participant had for the allowance, and when: the current one has no {@code
 * validTo}. Personal data: never logged, never in an event.
 */
@Entity
@Table(name = "participant_payment_account")
public class PaymentAccount extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(nullable = false)
  public String iban;

  @Column(name = "account_holder", nullable = false)
  public String accountHolder;

  @Column(name = "valid_from", nullable = false)
  public Instant validFrom;

  @Column(name = "valid_to")
  public Instant validTo;

  @Column(name = "set_by_subject")
  public String setBySubject;

  @Column(name = "set_by_org")
  public String setByOrg;

  protected PaymentAccount() {}

  static PaymentAccount of(UUID participantId, String iban, String holder, Instant at, Caller by) {
    PaymentAccount a = new PaymentAccount();
    a.participantId = participantId;
    a.iban = iban;
    a.accountHolder = holder;
    a.validFrom = at;
    a.setBySubject = by.subject();
    a.setByOrg = by.orgId();
    return a;
  }

  boolean same(String iban, String holder) {
    return this.iban.equals(iban) && accountHolder.equals(holder);
  }
}
