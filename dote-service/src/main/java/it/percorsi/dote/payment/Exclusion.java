package it.percorsi.dote.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** An authorised disbursement a batch left out, and why (its payee has no bank account). */
@Entity
@Table(name = "payment_batch_exclusion")
public class Exclusion extends PanacheEntityBase {

  /** Batch and disbursement. */
  @Embeddable
  public record Key(
      @Column(name = "batch_id") UUID batchId,
      @Column(name = "disbursement_id") UUID disbursementId)
      implements Serializable {}

  @EmbeddedId public Key id;

  @Column(nullable = false)
  public String reason;

  protected Exclusion() {}

  Exclusion(UUID batchId, UUID disbursementId, String reason) {
    this.id = new Key(batchId, disbursementId);
    this.reason = reason;
  }
}
