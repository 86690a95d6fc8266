package it.percorsi.platform.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.platform.caller.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * One bank account a payee had, and when: the current one has no {@code validTo}. The columns every
 * owner's table has (participants' in participant-service, hosts' in placement-service); the
 * subclass adds the owner's id. Personal data: never logged, never in an event.
 */
@MappedSuperclass
public abstract class PaymentAccountRecord extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

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

  protected PaymentAccountRecord() {}

  /** Fills the account in force from {@code at}, set by {@code by}. */
  void open(String iban, String holder, Instant at, Caller by) {
    this.iban = iban;
    this.accountHolder = holder;
    this.validFrom = at;
    this.setBySubject = by.subject();
    this.setByOrg = by.orgId();
  }

  /** Whether this is the account in force. */
  public boolean current() {
    return validTo == null;
  }
}
