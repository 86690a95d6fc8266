package it.percorsi.dote.ledger;

import it.percorsi.dote.dote.Dote;
import it.percorsi.dote.events.DoteEvents;
import it.percorsi.dote.events.DoteEvents.DisbursementAuthorised;
import it.percorsi.dote.events.DoteEvents.DoteActivated;
import it.percorsi.dote.programme.Programme;
import it.percorsi.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The budget lines of dotes and the disbursements authorised from them. Each settlement (a month of
 * allowance, a service delivery, the completion) is recorded at most once per dote and line (a
 * unique index), and lines are debited under a row lock with a database constraint that keeps them
 * at or above zero: redelivered or concurrent events can never pay twice or overdraw.
 */
@ApplicationScoped
public class Ledger {

  private final EntityManager em;
  private final Outbox outbox;
  private final Clock clock;

  public Ledger(EntityManager em, Outbox outbox, Clock clock) {
    this.em = em;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Commits the three lines of a dote that just became active. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void open(Dote d, DoteActivated activated) {
    line(d.id, BudgetLine.Kind.PARTICIPANT_ALLOWANCE, activated.allowanceCents());
    line(d.id, BudgetLine.Kind.HOST_CONTRIBUTION, activated.hostContributionCents());
    line(d.id, BudgetLine.Kind.PROMOTER_SERVICES, activated.promoterServicesCents());
  }

  private void line(UUID doteId, BudgetLine.Kind kind, long cents) {
    BudgetLine l = new BudgetLine();
    l.id = new BudgetLine.Key(doteId, kind);
    l.committedCents = cents;
    l.remainingCents = cents;
    em.persist(l);
  }

  /** Adds the extension's months of allowance to the allowance line. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void extendAllowance(UUID doteId, long cents) {
    BudgetLine l = lock(doteId, BudgetLine.Kind.PARTICIPANT_ALLOWANCE).orElseThrow();
    l.committedCents += cents;
    l.remainingCents += cents;
  }

  /**
   * A month of attendance: at or above the programme's threshold the month's allowance is
   * authorised, below it a non-payable entry records why. A month is settled once.
   *
   * @return the disbursement, or empty when the month was already settled
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Disbursement> attendance(
      Dote d, Programme p, String month, int plannedHours, int attendedHours, String eventId) {
    if (exists(d.id, BudgetLine.Kind.PARTICIPANT_ALLOWANCE, month)) {
      return Optional.empty();
    }
    boolean enough =
        plannedHours > 0
            && attendedHours * 100L >= (long) p.attendanceThresholdPercent * plannedHours;
    if (!enough) {
      return Optional.of(
          record(
              d.id,
              BudgetLine.Kind.PARTICIPANT_ALLOWANCE,
              month,
              0,
              Disbursement.Status.NOT_PAYABLE,
              "attendance "
                  + attendedHours
                  + "h of "
                  + plannedHours
                  + "h planned is below the "
                  + p.attendanceThresholdPercent
                  + "% threshold",
              eventId));
    }
    return Optional.of(
        debit(
            d.id,
            BudgetLine.Kind.PARTICIPANT_ALLOWANCE,
            month,
            p.monthlyAllowanceCents,
            false,
            eventId));
  }

  /** Promoter services delivered: authorised up to what is left of the line. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Disbursement> serviceDelivered(
      Dote d, String deliveryId, long cents, String eventId) {
    if (exists(d.id, BudgetLine.Kind.PROMOTER_SERVICES, deliveryId)) {
      return Optional.empty();
    }
    return Optional.of(
        debit(d.id, BudgetLine.Kind.PROMOTER_SERVICES, deliveryId, cents, true, eventId));
  }

  /** The host's tutoring contribution, once, when the internship is completed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Disbursement> authoriseHostContribution(Dote d, String eventId) {
    if (exists(d.id, BudgetLine.Kind.HOST_CONTRIBUTION, "completion")) {
      return Optional.empty();
    }
    Optional<BudgetLine> line = lock(d.id, BudgetLine.Kind.HOST_CONTRIBUTION);
    if (line.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        debit(
            d.id,
            BudgetLine.Kind.HOST_CONTRIBUTION,
            "completion",
            line.get().remainingCents,
            false,
            eventId));
  }

  /**
   * Debits a line under its row lock. With {@code partial}, pays what is left when less than asked;
   * otherwise an insufficient line gives a non-payable entry.
   */
  private Disbursement debit(
      UUID doteId,
      BudgetLine.Kind kind,
      String period,
      long cents,
      boolean partial,
      String eventId) {
    Optional<BudgetLine> locked = lock(doteId, kind);
    if (locked.isEmpty()) {
      return record(
          doteId,
          kind,
          period,
          0,
          Disbursement.Status.NOT_PAYABLE,
          "the dote has no committed budget (not active)",
          eventId);
    }
    BudgetLine line = locked.get();
    long amount = partial ? Math.min(cents, line.remainingCents) : cents;
    if (amount <= 0 || amount > line.remainingCents) {
      return record(
          doteId,
          kind,
          period,
          0,
          Disbursement.Status.NOT_PAYABLE,
          "the " + kind + " line has " + line.remainingCents + " cents left",
          eventId);
    }
    line.remainingCents -= amount;
    Disbursement disbursement =
        record(doteId, kind, period, amount, Disbursement.Status.AUTHORISED, null, eventId);
    outbox.append(
        DoteEvents.TOPIC,
        new DisbursementAuthorised(disbursement.id, doteId, kind.name(), period, amount));
    return disbursement;
  }

  private Disbursement record(
      UUID doteId,
      BudgetLine.Kind kind,
      String period,
      long cents,
      Disbursement.Status status,
      String reason,
      String eventId) {
    Disbursement x = new Disbursement();
    x.id = UUID.randomUUID();
    x.doteId = doteId;
    x.kind = kind;
    x.period = period;
    x.status = status;
    x.amountCents = cents;
    x.reason = reason;
    x.sourceEventId = eventId;
    x.authorisedAt = Instant.now(clock);
    em.persist(x);
    em.flush(); // the unique index settles a race between two deliveries here
    return x;
  }

  private boolean exists(UUID doteId, BudgetLine.Kind kind, String period) {
    return !em.createQuery(
            "select x.id from Disbursement x where x.doteId = ?1 and x.kind = ?2 and x.period = ?3",
            UUID.class)
        .setParameter(1, doteId)
        .setParameter(2, kind)
        .setParameter(3, period)
        .getResultList()
        .isEmpty();
  }

  private Optional<BudgetLine> lock(UUID doteId, BudgetLine.Kind kind) {
    return Optional.ofNullable(
        em.find(
            BudgetLine.class, new BudgetLine.Key(doteId, kind), LockModeType.PESSIMISTIC_WRITE));
  }

  /** Lines of a dote. */
  public List<BudgetLine> lines(UUID doteId) {
    return em.createQuery(
            "from BudgetLine l where l.id.doteId = ?1 order by l.id.kind", BudgetLine.class)
        .setParameter(1, doteId)
        .getResultList();
  }

  /** Disbursements of a dote, oldest first. */
  public List<Disbursement> disbursements(UUID doteId) {
    return em.createQuery(
            "from Disbursement x where x.doteId = ?1 order by x.authorisedAt, x.id",
            Disbursement.class)
        .setParameter(1, doteId)
        .getResultList();
  }

  /** The agency confirms a payment; emits {@code disbursement.paid}. */
  @Transactional
  public Disbursement pay(UUID id, String reference) {
    Disbursement x = em.find(Disbursement.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (x == null) {
      throw it.percorsi.platform.problem.ProblemException.notFound("disbursement", id);
    }
    outbox.append(DoteEvents.TOPIC, x.pay(reference, Instant.now(clock)));
    return x;
  }
}
