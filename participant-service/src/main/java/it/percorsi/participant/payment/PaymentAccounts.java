package it.percorsi.participant.payment;

import it.percorsi.participant.participant.Participant;
import it.percorsi.participant.participant.ParticipantHistory;
import it.percorsi.participant.participant.ParticipantService;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.codes.Ibans;
import it.percorsi.platform.payment.PaymentAccountHistory;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
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
  private final PaymentAccountHistory<PaymentAccount> accounts;

  public PaymentAccounts(ParticipantService participants, EntityManager em, Clock clock) {
    this.participants = participants;
    this.em = em;
    this.clock = clock;
    this.accounts = new PaymentAccountHistory<>(em, PaymentAccount.class, "participantId");
  }

  /**
   * Sets the participant's account; the one before is kept with the interval it was in force. The
   * same account again changes nothing.
   *
   * @throws ProblemException 404 when not visible, 400 on an invalid IBAN, 409 when erased
   */
  @Transactional
  public PaymentAccountView set(UUID id, String rawIban, String rawHolder, Caller caller) {
    String iban = Ibans.checked(rawIban);
    Participant p = participants.getForUpdate(id, caller);
    p.requireNotErased();
    Instant now = clock.instant();
    PaymentAccountHistory.Change<PaymentAccount> change =
        accounts.set(p.id, iban, rawHolder, now, caller, () -> PaymentAccount.of(p.id));
    if (change.changed()) {
      em.persist(ParticipantHistory.of(p.id, CHANGED, change.fieldsChanged(), caller, now));
      em.flush();
    }
    return PaymentAccountView.of(p.id, change.history());
  }

  /** The participant's account and its history, if the caller may see the participant; else 404. */
  @Transactional
  public PaymentAccountView get(UUID id, Caller caller) {
    Participant p = participants.get(id, caller);
    return PaymentAccountView.of(p.id, accounts.requireCurrent(p.id, "participant"));
  }

  /** The current accounts of {@code ids} (the agency, building a batch); erased ones have none. */
  @Transactional
  public List<PaymentAccount> current(Collection<UUID> ids) {
    return accounts.current(ids);
  }
}
