package it.percorsi.placement.payment;

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

/** One bank account a host had for the host contribution, and when; the current one has no end. */
@Entity
@Table(name = "employer_payment_account")
public class HostPaymentAccount extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "employer_id", nullable = false)
  public UUID employerId;

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

  protected HostPaymentAccount() {}

  static HostPaymentAccount of(UUID employerId, String iban, String holder, Instant at, Caller by) {
    HostPaymentAccount a = new HostPaymentAccount();
    a.employerId = employerId;
    a.iban = iban;
    a.accountHolder = holder;
    a.validFrom = at;
    a.setBySubject = by.subject();
    a.setByOrg = by.orgId();
    return a;
  }
}
