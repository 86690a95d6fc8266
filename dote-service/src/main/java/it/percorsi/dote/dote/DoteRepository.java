package it.percorsi.dote.dote;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries on dotes. */
@ApplicationScoped
public class DoteRepository implements PanacheRepositoryBase<Dote, UUID> {

  /**
   * What bars a new dote of the person in {@code programmeCode}: a live dote in any programme, or a
   * dote of this programme that was not given back (revoked or completed; an expired reservation
   * does not bar).
   */
  public List<Dote> blocking(UUID participantId, String programmeCode) {
    return list(
        "participantId = ?1 and (state in ?2 or (programmeCode = ?3 and state in ?4))",
        participantId,
        Dote.State.LIVE,
        programmeCode,
        List.of(Dote.State.COMPLETED, Dote.State.REVOKED));
  }

  public Optional<Dote> findForUpdate(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Reservations past their start deadline, oldest first. */
  public List<UUID> overdue(LocalDate today, int limit) {
    return find(
            "state = ?1 and startDeadline < ?2 order by startDeadline", Dote.State.ASSIGNED, today)
        .page(0, limit)
        .project(IdOnly.class)
        .list()
        .stream()
        .map(IdOnly::id)
        .toList();
  }

  /** Projection of the id only. */
  public record IdOnly(UUID id) {}

  /**
   * One page of the dotes {@code caller} may see that match {@code filter}, in order of assignment,
   * after the page request's cursor (creation instant, id).
   */
  public List<Dote> page(DoteFilter filter, Caller caller, PageRequest page) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    CaseScope.Where scope = DoteAccess.where(caller);
    where.add(scope.jpql());
    params.putAll(scope.params());
    eq(where, params, "programmeCode", filter.programme());
    eq(where, params, "regionCode", filter.region());
    eq(where, params, "provinceCode", filter.province());
    eq(where, params, "state", filter.state());
    eq(where, params, "promoterOrgId", filter.promoter());
    page.addAfter("createdAt", "id", where, params);
    return find(String.join(" and ", where) + " order by createdAt, id", params)
        .range(0, page.fetchSize() - 1)
        .list();
  }

  private static void eq(List<String> where, Map<String, Object> params, String field, Object v) {
    if (v != null) {
      where.add(field + " = :" + field);
      params.put(field, v);
    }
  }
}
