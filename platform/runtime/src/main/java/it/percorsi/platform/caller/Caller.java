package it.percorsi.platform.caller;

import java.util.Set;

/**
 * Who is calling, read from the verified token: subject, roles, organisation and (for CPI
 * operators) the province codes served. Services use it for object-level access decisions.
 *
 * @param subject token subject (user or service account id)
 * @param clientId the OAuth client the token was issued to ({@code azp})
 * @param orgId the caller's organisation ({@code org_id} claim)
 * @param roles realm roles
 * @param provinces ISTAT province codes served by a CPI operator ({@code provinces} claim)
 */
public record Caller(
    String subject, String clientId, String orgId, Set<String> roles, Set<String> provinces) {

  public Caller {
    roles = Set.copyOf(roles);
    provinces = Set.copyOf(provinces);
  }

  public boolean is(String role) {
    return roles.contains(role);
  }

  public boolean isAgency() {
    return is(Role.AGENCY_ADMIN);
  }

  /** Agency and auditors read every record. */
  public boolean readsEverything() {
    return is(Role.AGENCY_ADMIN) || is(Role.AUDITOR);
  }

  public boolean servesProvince(String provinceCode) {
    return is(Role.CPI_OPERATOR) && provinceCode != null && provinces.contains(provinceCode);
  }

  public boolean belongsTo(String organisation) {
    return orgId != null && orgId.equals(organisation);
  }
}
