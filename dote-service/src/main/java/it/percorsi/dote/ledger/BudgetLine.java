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

/**
 * One budget line of a dote. {@code remainingCents} never goes below zero: {@link #debit} refuses,
 * and a database constraint stops whatever would get past it.
 */
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

  protected BudgetLine() {}

  static BudgetLine commit(UUID doteId, Kind kind, long cents) {
    BudgetLine l = new BudgetLine();
    l.id = new Key(doteId, kind);
    l.committedCents = cents;
    l.remainingCents = cents;
    return l;
  }

  /** Grows the line (an extension of the internship). */
  void grow(long cents) {
    committedCents += cents;
    remainingCents += cents;
  }

  /** Whether {@code cents} can be paid from what is left. */
  boolean covers(long cents) {
    return cents > 0 && cents <= remainingCents;
  }

  /** Takes {@code cents}, which {@link #covers} said the line can pay. */
  void debit(long cents) {
    if (!covers(cents)) {
      throw new IllegalStateException("line " + id + " cannot pay " + cents);
    }
    remainingCents -= cents;
  }
}
