package it.percorsi.placement.employer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries on host organisations. */
@ApplicationScoped
public class EmployerRepository implements PanacheRepositoryBase<Employer, UUID> {

  /** The employer, locked until the transaction ends, so concurrent changes queue. */
  public Optional<Employer> findForUpdate(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  public Optional<Employer> byTaxCode(String taxCode) {
    return find("taxCode", taxCode).firstResultOptional();
  }

  /**
   * Serialises registrations of one tax code until the transaction ends, so that two concurrent
   * registrations never both pass the duplicate check.
   */
  public void lockTaxCode(String taxCode) {
    getEntityManager()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('employer:' || ?1))")
        .setParameter(1, taxCode)
        .getSingleResult();
  }

  /** Filters of the employer list; null means "any". */
  public record Filter(String taxCode, String province, String hostOrgId, String atecoDivision) {}

  /** One page of the employers {@code caller} may see, in order of registration. */
  public List<Employer> page(Filter filter, Caller caller, PageRequest page) {
    EmployerAccess.Where scope = EmployerAccess.where(caller);
    List<String> where = new ArrayList<>(List.of(scope.jpql()));
    Map<String, Object> params = new HashMap<>(scope.params());
    eq(where, params, "taxCode", filter.taxCode());
    eq(where, params, "siteProvince", filter.province());
    eq(where, params, "hostOrgId", filter.hostOrgId());
    if (filter.atecoDivision() != null) {
      where.add("e.atecoCode like :division");
      params.put("division", filter.atecoDivision() + "%");
    }
    page.addAfter("e.registeredAt", "e.id", where, params);
    TypedQuery<Employer> q =
        getEntityManager()
            .createQuery(
                "select e from Employer e where "
                    + String.join(" and ", where)
                    + " order by e.registeredAt, e.id",
                Employer.class);
    params.forEach(q::setParameter);
    return q.setMaxResults(page.fetchSize()).getResultList();
  }

  private static void eq(List<String> where, Map<String, Object> params, String field, Object v) {
    if (v != null) {
      where.add("e." + field + " = :" + field);
      params.put(field, v);
    }
  }
}
