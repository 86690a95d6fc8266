package it.percorsi.dote.ledger;

import it.percorsi.dote.events.DisbursementAuthorised;
import it.percorsi.dote.events.DoteEvent;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The budget lines of dotes and the disbursements settled from them. It knows accounts (a dote id
 * and who may read it), lines and periods — not dotes: whether a dote may be paid and how much a
 * period is worth are decided before the ledger is asked.
 *
 * <p>Each period of a line is settled at most once (a unique index); a line is locked before its
 * period is looked at, so concurrent or redelivered events queue and then find the period settled;
 * a line never goes below zero (checked here, and by a database constraint).
 */
@ApplicationScoped
public class Ledger {

  private final EntityManager em;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final Clock clock;

  public Ledger(EntityManager em, Outbox outbox, AuditTrail audit, Clock clock) {
    this.em = em;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  /** Commits the three lines of a dote that just became active. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void open(UUID doteId, long allowanceCents, long hostCents, long promoterCents) {
    em.persist(BudgetLine.commit(doteId, BudgetLine.Kind.PARTICIPANT_ALLOWANCE, allowanceCents));
    em.persist(BudgetLine.commit(doteId, BudgetLine.Kind.HOST_CONTRIBUTION, hostCents));
    em.persist(BudgetLine.commit(doteId, BudgetLine.Kind.PROMOTER_SERVICES, promoterCents));
  }

  /** Adds the months of an extension to the allowance line. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void extendAllowance(UUID doteId, long cents) {
    lock(doteId, BudgetLine.Kind.PARTICIPANT_ALLOWANCE)
        .orElseThrow(() -> new IllegalStateException("dote " + doteId + " has no budget"))
        .grow(cents);
  }

  /**
   * Settles a month of allowance: pays {@code cents} when positive, otherwise records {@code
   * refusal}. A month already paid is never paid again; a month refused is settled again only by a
   * later revision of its report (a correction upstream), once.
   *
   * @return the settlement, or empty when the month was already settled for good
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Disbursement> settleMonth(
      Account a, String month, int revision, long cents, String refusal, String eventId) {
    return settle(
        a, BudgetLine.Kind.PARTICIPANT_ALLOWANCE, month, revision, cents, false, refusal, eventId);
  }

  /** Pays a delivered service up to what is left of the promoter line, once per delivery. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Disbursement> payService(
      Account a, String deliveryId, long cents, String eventId) {
    return settle(
        a,
        BudgetLine.Kind.PROMOTER_SERVICES,
        deliveryId,
        1,
        cents,
        true,
        "the service was worth nothing",
        eventId);
  }

  /** Settles the host contribution once: {@code cents} when positive, else {@code refusal}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Disbursement> settleHostContribution(
      Account a, long cents, String refusal, String eventId) {
    return settle(
        a, BudgetLine.Kind.HOST_CONTRIBUTION, "completion", 1, cents, false, refusal, eventId);
  }

  /**
   * Keeps an event that will never pay (the dote was revoked or completed first) as a non-payable
   * entry with its reason, unless the period is settled already.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Disbursement> refuse(
      Account a, BudgetLine.Kind kind, String period, String reason, String eventId) {
    return settle(a, kind, period, 1, 0, false, reason, eventId);
  }

  private Optional<Disbursement> settle(
      Account a,
      BudgetLine.Kind kind,
      String period,
      int revision,
      long cents,
      boolean partial,
      String refusal,
      String eventId) {
    Optional<BudgetLine> line = lock(a.doteId(), kind);
    Disbursement existing = find(a.doteId(), kind, period);
    if (existing != null && !existing.reopenableBy(revision)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Disbursement x =
        existing != null ? existing : Disbursement.of(a, kind, period, revision, eventId, now);
    long amount = partial && line.isPresent() ? Math.min(cents, line.get().remainingCents) : cents;
    if (cents > 0 && line.isPresent() && line.get().covers(amount)) {
      line.get().debit(amount);
      x.authorise(amount, revision, eventId, now);
    } else if (cents > 0) {
      x.refuse(
          line.map(l -> "the " + kind + " line has " + l.remainingCents + " cents left")
              .orElse("the dote has no committed budget"),
          revision,
          eventId,
          now);
    } else {
      x.refuse(refusal, revision, eventId, now);
    }
    if (existing == null) {
      em.persist(x);
    }
    em.flush(); // the unique index settles a race between two first settlements here
    if (x.status == Disbursement.Status.AUTHORISED) {
      outbox.append(
          DoteEvent.TOPIC,
          new DisbursementAuthorised(x.id, a.doteId(), kind.name(), period, x.amountCents));
    }
    return Optional.of(x);
  }

  /** Whether every one of {@code periods} of the line is settled (paid or refused). */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean settled(UUID doteId, BudgetLine.Kind kind, Collection<String> periods) {
    if (periods.isEmpty()) {
      return true;
    }
    Long n =
        em.createQuery(
                "select count(x) from Disbursement x where x.doteId = ?1 and x.kind = ?2"
                    + " and x.period in ?3",
                Long.class)
            .setParameter(1, doteId)
            .setParameter(2, kind)
            .setParameter(3, periods)
            .getSingleResult();
    return n == periods.size();
  }

  private Disbursement find(UUID doteId, BudgetLine.Kind kind, String period) {
    return em.createQuery(
            "from Disbursement x where x.doteId = ?1 and x.kind = ?2 and x.period = ?3",
            Disbursement.class)
        .setParameter(1, doteId)
        .setParameter(2, kind)
        .setParameter(3, period)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private Optional<BudgetLine> lock(UUID doteId, BudgetLine.Kind kind) {
    return Optional.ofNullable(
        em.find(
            BudgetLine.class, new BudgetLine.Key(doteId, kind), LockModeType.PESSIMISTIC_WRITE));
  }

  /** Lines of a dote. */
  @Transactional
  public List<BudgetLine> lines(UUID doteId) {
    return em.createQuery(
            "from BudgetLine l where l.id.doteId = ?1 order by l.id.kind", BudgetLine.class)
        .setParameter(1, doteId)
        .getResultList();
  }

  /** Disbursements of a dote, oldest first. */
  @Transactional
  public List<Disbursement> disbursements(UUID doteId) {
    return em.createQuery(
            "from Disbursement x where x.doteId = ?1 order by x.authorisedAt, x.id",
            Disbursement.class)
        .setParameter(1, doteId)
        .getResultList();
  }

  /** A disbursement {@code caller} may read, else 404. */
  @Transactional
  public Disbursement get(UUID id, Caller caller) {
    Disbursement x = em.find(Disbursement.class, id);
    if (x == null || !DisbursementAccess.canRead(caller, x)) {
      throw ProblemException.notFound("disbursement", id);
    }
    return x;
  }

  /**
   * The agency confirms a payment; emits {@code disbursement.paid} and records who confirmed it in
   * the dote's history.
   */
  @Transactional
  public Disbursement pay(UUID id, String reference, Caller caller) {
    Disbursement x = em.find(Disbursement.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (x == null || !DisbursementAccess.canRead(caller, x)) {
      throw ProblemException.notFound("disbursement", id);
    }
    outbox.append(DoteEvent.TOPIC, x.pay(reference, clock.instant()));
    audit.record(
        "dote",
        x.doteId,
        "disbursement-paid",
        "disbursement " + x.id + " " + x.kind + " " + x.period + " " + x.amountCents + " cents",
        caller);
    return x;
  }
}
