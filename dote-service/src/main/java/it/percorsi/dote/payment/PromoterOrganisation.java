package it.percorsi.dote.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A promoter organisation the agency pays for its services, with its bank account. */
@Entity
@Table(name = "promoter_organisation")
public class PromoterOrganisation extends PanacheEntityBase {

  @Id
  @Column(name = "org_id")
  public String orgId;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String iban;

  @Column(name = "account_holder", nullable = false)
  public String accountHolder;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected PromoterOrganisation() {}

  static PromoterOrganisation of(String orgId) {
    PromoterOrganisation p = new PromoterOrganisation();
    p.orgId = orgId;
    return p;
  }

  /** Whether anything changed. */
  boolean set(String name, String iban, String holder, Instant now) {
    boolean changed =
        !name.equals(this.name) || !iban.equals(this.iban) || !holder.equals(accountHolder);
    if (changed) {
      this.name = name;
      this.iban = iban;
      this.accountHolder = holder;
      updatedAt = now;
    }
    return changed;
  }

  public String etag() {
    return it.percorsi.platform.http.Preconditions.etag(version);
  }
}
