package it.percorsi.participant.participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.participant.participant.Codes.TaxCodeKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A tax code a participant holds or held: a provisional code replaced by the definitive one stays
 * as history. A code belongs to one person only, current or past. Personal data: erasure deletes
 * these rows.
 */
@Entity
@Table(name = "participant_tax_code")
public class TaxCodeRecord extends PanacheEntityBase {

  @Id
  @Column(name = "tax_code", length = 16)
  public String taxCode;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public TaxCodeKind kind;

  @Column(name = "assigned_at", nullable = false)
  public Instant assignedAt;

  @Column(name = "replaced_at")
  public Instant replacedAt;
}
