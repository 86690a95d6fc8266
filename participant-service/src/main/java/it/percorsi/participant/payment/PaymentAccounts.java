package it.percorsi.participant.payment;

import it.percorsi.participant.participant.Participant;
import it.percorsi.participant.participant.ParticipantHistory;
import it.percorsi.participant.participant.ParticipantService;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.codes.Ibans;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Participants' bank accounts: read and changed by whoever may see and change the participant (the
 * same rule, through {@link ParticipantService#get}); every change kept, and noted in the
 * participant's audit trail by field name only. The agency reads them in bulk to build a SEPA
 * batch.
 */
@ApplicationScoped
public class PaymentAccounts {

  /** The audit trail's kind of change. */
  static final String CHANGED = "payment-account-changed";

  private final ParticipantService participants;
  private final EntityManager em;
  private final Clock clock;

  public PaymentAccounts(ParticipantService participants, EntityManager em, Clock clock) {
    this.participants = participants;
    this.em = em;
    this.clock = clock;
  }

  /**
   * Sets the participant's account; the one before is kept with the interval it was in force. The
   * same account again changes nothing.
   *
   * @throws ProblemException 404 when not visible, 400 on an invalid IBAN, 409 when erased
   */
  @Transactional
  public PaymentAccountView set(UUID id, String rawIban, String rawHolder, Caller caller) {
    String iban = Ibans.normalise(rawIban);
    String problem = Ibans.problem(iban);
    if (problem != null) {
      throw ProblemException.invalid("iban", problem);
    }
    String holder = rawHolder.strip();
    Participant p = participants.getForUpdate(id, caller);
    p.requireNotErased();
    List<PaymentAccount> all = history(p.id);
    PaymentAccount current = all.isEmpty() || all.get(0).validTo != null ? null : all.get(0);
    if (current != null && current.same(iban, holder)) {
      return PaymentAccountView.of(p.id, all);
    }
    Instant now = clock.instant();
    List<String> fields = new ArrayList<>();
    if (current != null) {
      current.validTo = now;
      if (!current.iban.equals(iban)) {
        fields.add("paymentAccount.iban");
      }
      if (!current.accountHolder.equals(holder)) {
        fields.add("paymentAccount.accountHolder");
      }
      em.flush();
    } else {
      fields.add("paymentAccount.iban");
      fields.add("paymentAccount.accountHolder");
    }
    em.persist(PaymentAccount.of(p.id, iban, holder, now, caller));
    em.persist(ParticipantHistory.of(p.id, CHANGED, fields, caller, now));
    em.flush();
    return PaymentAccountView.of(p.id, history(p.id));
  }

  /** The participant's account and its history, if the caller may see the participant; else 404. */
  @Transactional
  public PaymentAccountView get(UUID id, Caller caller) {
    Participant p = participants.get(id, caller);
    List<PaymentAccount> all = history(p.id);
    if (all.isEmpty() || all.get(0).validTo != null) {
      throw new ProblemException(
          Problem.of(
              "not-found", "Not found", 404, "participant " + id + " has no payment account"));
    }
    return PaymentAccountView.of(p.id, all);
  }

  /** The current accounts of {@code ids} (the agency, building a batch); erased ones have none. */
  @Transactional
  public List<PaymentAccount> current(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "from PaymentAccount a where a.participantId in ?1 and a.validTo is null",
            PaymentAccount.class)
        .setParameter(1, ids)
        .getResultList();
  }

  private List<PaymentAccount> history(UUID participantId) {
    return em.createQuery(
            "from PaymentAccount a where a.participantId = ?1 order by a.validFrom desc, a.id desc",
            PaymentAccount.class)
        .setParameter(1, participantId)
        .getResultList();
  }
}
