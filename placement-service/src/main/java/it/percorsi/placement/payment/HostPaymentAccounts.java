package it.percorsi.placement.payment;

import it.percorsi.placement.employer.Employer;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.codes.Ibans;
import it.percorsi.platform.payment.PaymentAccountHistory;
import it.percorsi.platform.payment.PaymentAccountHistory.Entry;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Hosts' bank accounts. Narrower than the host record, which every promoter reads: the account is
 * read by the agency, auditors and the host itself, and changed by the agency and the host itself;
 * anyone else gets a 404. Every change kept; the employer's audit trail names the fields, never the
 * values. The agency reads them in bulk, by internship, to build a SEPA batch.
 */
@ApplicationScoped
public class HostPaymentAccounts {

  /** A host's current account and the ones before it, newest first. */
  public record View(
      UUID employerId, String iban, String accountHolder, Instant since, List<Entry> history) {

    static View of(UUID employerId, List<HostPaymentAccount> newestFirst) {
      HostPaymentAccount c = newestFirst.get(0);
      return new View(employerId, c.iban, c.accountHolder, c.validFrom, Entry.of(newestFirst));
    }
  }

  /** One internship's host account. */
  public record ByInternship(UUID internshipId, String iban, String accountHolder) {}

  private final EntityManager em;
  private final AuditTrail audit;
  private final Clock clock;
  private final PaymentAccountHistory<HostPaymentAccount> accounts;

  public HostPaymentAccounts(EntityManager em, AuditTrail audit, Clock clock) {
    this.em = em;
    this.audit = audit;
    this.clock = clock;
    this.accounts = new PaymentAccountHistory<>(em, HostPaymentAccount.class, "employerId");
  }

  static boolean mayUse(Caller c, Employer e) {
    return c.readsEverything()
        || (c.is(Role.HOST) && e.hostOrgId != null && c.belongsTo(e.hostOrgId));
  }

  /**
   * Sets the host's account; the one before stays in the history. The same again changes nothing.
   */
  @Transactional
  public View set(UUID employerId, String rawIban, String rawHolder, Caller caller) {
    String iban = Ibans.checked(rawIban);
    Employer e =
        visible(
            em.find(Employer.class, employerId, LockModeType.PESSIMISTIC_WRITE),
            employerId,
            caller);
    PaymentAccountHistory.Change<HostPaymentAccount> change =
        accounts.set(
            e.id, iban, rawHolder, clock.instant(), caller, () -> HostPaymentAccount.of(e.id));
    if (change.changed()) {
      audit.record(
          "employer",
          e.id,
          "payment-account-changed",
          String.join(",", change.fieldsChanged()),
          caller);
      em.flush();
    }
    return View.of(e.id, change.history());
  }

  /** The host's account and its history, else 404. */
  @Transactional
  public View get(UUID employerId, Caller caller) {
    Employer e = visible(em.find(Employer.class, employerId), employerId, caller);
    return View.of(e.id, accounts.requireCurrent(e.id, "employer"));
  }

  /** The current account of the host of each of {@code internshipIds} that has one. */
  @Transactional
  public List<ByInternship> byInternships(Collection<UUID> internshipIds) {
    if (internshipIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select i.id, a.iban, a.accountHolder from Internship i, HostPaymentAccount a"
                + " where i.id in ?1 and a.employerId = i.employerId and a.validTo is null",
            Object[].class)
        .setParameter(1, internshipIds)
        .getResultStream()
        .map(r -> new ByInternship((UUID) r[0], (String) r[1], (String) r[2]))
        .toList();
  }

  private static Employer visible(Employer e, UUID id, Caller caller) {
    if (e == null || !mayUse(caller, e)) {
      throw ProblemException.notFound("employer", id);
    }
    return e;
  }
}
