package it.percorsi.dote.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.UUID;

/** One budget line of a dote. {@code remainingCents} never goes below zero (a DB constraint). */
@Entity
@Table(name = "budget_line")
public class BudgetLine extends PanacheEntityBase {

  /** The three lines of a dote. */
  public enum Kind {
    PARTICIPANT_ALLOWANCE,
    HOST_CONTRIBUTION,
    PROMOTER_SERVICES
  }

  /** Dote and line. */
  @Embeddable
  public record Key(
      @Column(name = "dote_id") UUID doteId,
      @Enumerated(EnumType.STRING) @Column(name = "kind") Kind kind)
      implements Serializable {}

  @EmbeddedId public Key id;

  @Column(name = "committed_cents", nullable = false)
  public long committedCents;

  @Column(name = "remaining_cents", nullable = false)
  public long remainingCents;

  @Version public long version;
}
