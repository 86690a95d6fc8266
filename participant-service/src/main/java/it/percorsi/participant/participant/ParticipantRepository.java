package it.percorsi.participant.participant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import it.percorsi.participant.participant.Codes.TaxCodeKind;
import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries on participants, their tax codes and their history. */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

  /** The participant, locked until the transaction ends, so concurrent changes queue. */
  public Optional<Participant> findForUpdate(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Who holds or held {@code taxCode}. */
  public Optional<Participant> byAnyTaxCode(String taxCode) {
    TaxCodeRecord r = TaxCodeRecord.findById(taxCode);
    return r == null ? Optional.empty() : findByIdOptional(r.participantId);
  }

  /**
   * Claims {@code taxCode} for a participant. A concurrent claim of the same code waits for this
   * transaction and then fails, so two registrations never share a code.
   *
   * @return false when the code is (or was) someone's
   */
  public boolean claimTaxCode(String taxCode, UUID participantId, TaxCodeKind kind, Instant at) {
    return getEntityManager()
            .createNativeQuery(
                "INSERT INTO participant_tax_code (tax_code, participant_id, kind, assigned_at)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (tax_code) DO NOTHING")
            .setParameter(1, taxCode)
            .setParameter(2, participantId)
            .setParameter(3, kind.name())
            .setParameter(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }

  public void retireTaxCode(String taxCode, Instant at) {
    TaxCodeRecord r = TaxCodeRecord.findById(taxCode);
    r.replacedAt = at;
  }

  public List<TaxCodeRecord> taxCodes(UUID participantId) {
    return TaxCodeRecord.list("participantId = ?1 order by assignedAt", participantId);
  }

  public long forgetTaxCodes(UUID participantId) {
    return TaxCodeRecord.delete("participantId", participantId);
  }

  /** Erasure: every bank account the participant had. */
  public int forgetPaymentAccounts(UUID participantId) {
    return getEntityManager()
        .createNativeQuery("DELETE FROM participant_payment_account WHERE participant_id = ?1")
        .setParameter(1, participantId)
        .executeUpdate();
  }

  public List<ParticipantHistory> history(UUID participantId) {
    return ParticipantHistory.list("participantId = ?1 order by id", participantId);
  }

  /**
   * One page of the participants {@code caller} may see that match {@code filter}, in order of
   * registration, starting after the page request's cursor (registration instant, id).
   */
  public List<Participant> page(
      ParticipantFilter filter, Caller caller, PageRequest page, LocalDate today) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    CaseScope.Where scope = ParticipantAccess.where(caller);
    where.add(scope.jpql());
    params.putAll(scope.params());
    eq(where, params, "provinceCode", filter.province());
    eq(where, params, "regionCode", filter.region());
    eq(where, params, "employmentStatus", filter.employmentStatus());
    eq(where, params, "enteredAsUnaccompaniedMinor", filter.enteredAsUnaccompaniedMinor());
    eq(where, params, "registeredByOrgId", filter.registeredBy());
    eq(where, params, "ownerOrgId", filter.owner());
    eq(where, params, "taxCode", filter.taxCode());
    if (filter.status() != null) {
      where.add(
          filter.status() == ParticipantFilter.Status.ERASED
              ? "erasedAt is not null"
              : "erasedAt is null");
    }
    if (filter.minAge() != null) {
      where.add("birthDate <= :bornBy");
      params.put("bornBy", today.minusYears(filter.minAge()));
    }
    if (filter.maxAge() != null) {
      where.add("birthDate > :bornAfter");
      params.put("bornAfter", today.minusYears(filter.maxAge() + 1L));
    }
    page.addAfter("registeredAt", "id", where, params);
    String query =
        (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by registeredAt, id";
    return find(query, params).range(0, page.fetchSize() - 1).list();
  }

  private static void eq(List<String> where, Map<String, Object> params, String field, Object v) {
    if (v != null) {
      where.add(field + " = :" + field);
      params.put(field, v);
    }
  }
}
