package it.percorsi.placement.employer;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may see a host organisation: the agency and auditors; every promoter, because the host
 * registry is shared (one record per tax code, which any promoter may place interns with); a CPI
 * operator for sites in its provinces; a host user for the record of its own organisation. One
 * rule, used in memory ({@link #canRead}) and as the list query's predicate ({@link #where}).
 */
public final class EmployerAccess {

  private EmployerAccess() {}

  public static boolean canRead(Caller c, Employer e) {
    if (c.readsEverything() || c.is(Role.PROMOTER)) {
      return true;
    }
    if (c.servesProvince(e.siteProvince)) {
      return true;
    }
    return c.is(Role.HOST) && e.hostOrgId != null && c.belongsTo(e.hostOrgId);
  }

  /** A JPQL predicate on {@code Employer e} with its parameters. */
  public static Where where(Caller c) {
    if (c.readsEverything() || c.is(Role.PROMOTER)) {
      return new Where("true = true", Map.of());
    }
    StringBuilder jpql = new StringBuilder("(false = true");
    Map<String, Object> params = new HashMap<>();
    if (c.is(Role.CPI_OPERATOR) && !c.provinces().isEmpty()) {
      jpql.append(" or e.siteProvince in :accessProvinces");
      params.put("accessProvinces", c.provinces());
    }
    if (c.is(Role.HOST) && c.orgId() != null) {
      jpql.append(" or e.hostOrgId = :accessHost");
      params.put("accessHost", c.orgId());
    }
    return new Where(jpql.append(')').toString(), params);
  }

  /** A JPQL predicate and its named parameters. */
  public record Where(String jpql, Map<String, Object> params) {}
}
