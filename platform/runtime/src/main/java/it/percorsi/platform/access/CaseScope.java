package it.percorsi.platform.access;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who may see the records of a case, written once and used twice: as the check on one record in
 * memory ({@link #allows}) and as the predicate of a list query ({@link #where}). The agency and
 * auditors see everything; a promoter sees its own organisation's records; a CPI operator those of
 * the provinces it serves; a host (where the record names one) its own organisation's; anyone else
 * nothing.
 *
 * @param ownerField the entity field holding the owning promoter organisation
 * @param provinceField the entity field holding the ISTAT province code of the case
 * @param hostField the entity field holding the host organisation, or null when hosts see nothing
 */
public record CaseScope(String ownerField, String provinceField, String hostField) {

  public CaseScope {
    Objects.requireNonNull(ownerField);
    Objects.requireNonNull(provinceField);
  }

  /** A JPQL predicate on the entity's fields and its named parameters. */
  public record Where(String jpql, Map<String, Object> params) {}

  /** What one caller is granted; both uses derive from it. */
  private record Grant(
      boolean everything, String ownerOrg, List<String> provinces, String hostOrg) {}

  private Grant grant(Caller c) {
    if (c.readsEverything()) {
      return new Grant(true, null, List.of(), null);
    }
    String owner = c.is(Role.PROMOTER) ? c.orgId() : null;
    List<String> provinces =
        c.is(Role.CPI_OPERATOR) ? c.provinces().stream().sorted().toList() : List.of();
    String host = hostField != null && c.is(Role.HOST) ? c.orgId() : null;
    return new Grant(false, owner, provinces, host);
  }

  /** Whether {@code c} may see a record with these values. */
  public boolean allows(Caller c, String ownerOrgId, String provinceCode, String hostOrgId) {
    Grant g = grant(c);
    return g.everything()
        || (g.ownerOrg() != null && g.ownerOrg().equals(ownerOrgId))
        || (provinceCode != null && g.provinces().contains(provinceCode))
        || (g.hostOrg() != null && g.hostOrg().equals(hostOrgId));
  }

  /** The records {@code c} may see, as a predicate for a list query. */
  public Where where(Caller c) {
    Grant g = grant(c);
    if (g.everything()) {
      return new Where("1 = 1", Map.of());
    }
    StringBuilder q = new StringBuilder();
    java.util.HashMap<String, Object> params = new java.util.HashMap<>();
    if (g.ownerOrg() != null) {
      q.append(ownerField).append(" = :scopeOwner");
      params.put("scopeOwner", g.ownerOrg());
    }
    if (!g.provinces().isEmpty()) {
      q.append(q.isEmpty() ? "" : " or ").append(provinceField).append(" in :scopeProvinces");
      params.put("scopeProvinces", g.provinces());
    }
    if (g.hostOrg() != null) {
      q.append(q.isEmpty() ? "" : " or ").append(hostField).append(" = :scopeHost");
      params.put("scopeHost", g.hostOrg());
    }
    if (q.isEmpty()) {
      return new Where("1 = 0", Map.of());
    }
    return new Where("(" + q + ")", Map.copyOf(params));
  }
}
