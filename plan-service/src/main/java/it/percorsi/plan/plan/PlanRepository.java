package it.percorsi.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries on plans and their history. */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

  /** The plan, locked until the transaction ends, so concurrent changes queue. */
  public Optional<Plan> findForUpdate(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  public Optional<Plan> byDote(UUID doteId) {
    return find("doteId", doteId).firstResultOptional();
  }

  public Optional<Plan> byDoteForUpdate(UUID doteId) {
    return find("doteId", doteId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }

  /**
   * One page of the plans {@code caller} may see that match {@code filter}, in order of opening,
   * after the page request's cursor (opening instant, id).
   */
  public List<Plan> page(PlanFilter filter, Caller caller, PageRequest page) {
    CaseScope.Where access = PlanAccess.where(caller);
    List<String> where = new ArrayList<>(List.of(access.jpql()));
    Map<String, Object> params = new HashMap<>(access.params());
    eq(where, params, "doteId", filter.doteId());
    eq(where, params, "participantId", filter.participantId());
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
