package it.percorsi.webhook.fanout;

import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;

/**
 * Who may see one event, decided once when it is read: the case it is about (its promoter and
 * province, the same facts the REST API checks), or a programme-wide fact, or (a type this version
 * cannot place) the agency and auditors only; an endpoint's own events its organisation only.
 *
 * @param scope CASE, PUBLIC, ORGANISATION or AGENCY
 */
public record Audience(String scope, String ownerOrgId, String provinceCode) {

  public static final String CASE = "CASE";
  public static final String PUBLIC = "PUBLIC";
  public static final String AGENCY = "AGENCY";
  public static final String ORGANISATION = "ORGANISATION";

  /** The one access policy of the platform, as the services use it for a case's records. */
  static final CaseScope CASE_SCOPE = new CaseScope("ownerOrgId", "provinceCode", null);

  public static Audience ofCase(String ownerOrgId, String provinceCode) {
    return new Audience(CASE, ownerOrgId, provinceCode);
  }

  public static Audience everyone() {
    return new Audience(PUBLIC, null, null);
  }

  /** A fact about one organisation's own webhook endpoint: that organisation only. */
  public static Audience organisation(String orgId) {
    return new Audience(ORGANISATION, orgId, null);
  }

  public static Audience agency() {
    return new Audience(AGENCY, null, null);
  }

  /** Whether an endpoint registered by {@code owner} may receive the event. */
  public boolean admits(Caller owner) {
    return switch (scope) {
      case PUBLIC -> true;
      case CASE -> CASE_SCOPE.allows(owner, ownerOrgId, provinceCode, null);
      case ORGANISATION -> owner.belongsTo(ownerOrgId);
      default -> owner.readsEverything();
    };
  }
}
