package it.percorsi.platform.payment;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.codes.Ibans;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The history of payees' bank accounts of one kind of owner (participants, hosts), written once for
 * the services that keep them: the rules of a change (the same account again changes nothing, the
 * account before is closed at the change and kept), the history newest first, the current one, and
 * the owners' current accounts in bulk. Who may read or change an owner's account, and where the
 * change is noted, stay with the owning service; the change answers the field names it touched,
 * never the values, for that service's audit trail.
 *
 * @param <A> the owner's entity, mapping {@code ownerAttribute}
 */
public final class PaymentAccountHistory<A extends PaymentAccountRecord> {

  /** The field names an audit trail records for a change (never the values). */
  public static final String IBAN_FIELD = "paymentAccount.iban";

  public static final String HOLDER_FIELD = "paymentAccount.accountHolder";

  /** One account and when it was in force, as shown to who may read it. */
  public record Entry(
      String iban, String accountHolder, Instant validFrom, Instant validTo, String setByOrg) {

    /** The entries of {@code newestFirst}, in that order. */
    public static List<Entry> of(List<? extends PaymentAccountRecord> newestFirst) {
      return newestFirst.stream()
          .map(a -> new Entry(a.iban, a.accountHolder, a.validFrom, a.validTo, a.setByOrg))
          .toList();
    }
  }

  /**
   * What a change did: the history after it (newest first) and the fields it changed, none when the
   * account was already the current one.
   */
  public record Change<T>(List<T> history, List<String> fieldsChanged) {
    public boolean changed() {
      return !fieldsChanged.isEmpty();
    }
  }

  private final EntityManager em;
  private final Class<A> type;
  private final String entity;
  private final String owner;

  /**
   * @param ownerAttribute the entity's attribute holding the owner's id ({@code participantId})
   */
  public PaymentAccountHistory(EntityManager em, Class<A> type, String ownerAttribute) {
    this.em = em;
    this.type = type;
    this.entity = type.getSimpleName();
    this.owner = ownerAttribute;
  }

  /**
   * The fields that change when {@code current} (null: none) becomes {@code iban}, {@code holder}.
   */
  public static List<String> fieldsChanged(
      PaymentAccountRecord current, String iban, String holder) {
    List<String> fields = new ArrayList<>();
    if (current == null || !current.iban.equals(iban)) {
      fields.add(IBAN_FIELD);
    }
    if (current == null || !current.accountHolder.equals(holder)) {
      fields.add(HOLDER_FIELD);
    }
    return fields;
  }

  /**
   * Makes {@code iban} (already {@linkplain Ibans#checked checked}) and {@code holder} (stripped)
   * the owner's account from {@code now}; the one before is closed at {@code now} and kept. The
   * caller holds the owner locked. The same account again changes nothing.
   *
   * @param blank a new, unsaved entity of the owner (its owner id set)
   */
  public Change<A> set(
      Object ownerId, String iban, String rawHolder, Instant now, Caller by, Supplier<A> blank) {
    String holder = rawHolder.strip();
    List<A> all = of(ownerId);
    A current = all.isEmpty() || !all.get(0).current() ? null : all.get(0);
    List<String> fields = fieldsChanged(current, iban, holder);
    if (fields.isEmpty()) {
      return new Change<>(all, fields);
    }
    if (current != null) {
      current.validTo = now;
      em.flush(); // one current account per owner (a unique index): closed before the next
    }
    A next = blank.get();
    next.open(iban, holder, now, by);
    em.persist(next);
    em.flush();
    return new Change<>(of(ownerId), fields);
  }

  /**
   * The owner's accounts, newest first, when it has one in force.
   *
   * @throws ProblemException 404 when it has none ({@code what} names the owner in the detail)
   */
  public List<A> requireCurrent(Object ownerId, String what) {
    List<A> all = of(ownerId);
    if (all.isEmpty() || !all.get(0).current()) {
      throw new ProblemException(
          Problem.of(
              "not-found", "Not found", 404, what + " " + ownerId + " has no payment account"));
    }
    return all;
  }

  /** The owner's accounts, newest first. */
  public List<A> of(Object ownerId) {
    return em.createQuery(
            "from " + entity + " a where a." + owner + " = ?1 order by a.validFrom desc, a.id desc",
            type)
        .setParameter(1, ownerId)
        .getResultList();
  }

  /** The accounts in force of those of {@code ownerIds} that have one. */
  public List<A> current(Collection<?> ownerIds) {
    if (ownerIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "from " + entity + " a where a." + owner + " in ?1 and a.validTo is null", type)
        .setParameter(1, ownerIds)
        .getResultList();
  }
}
