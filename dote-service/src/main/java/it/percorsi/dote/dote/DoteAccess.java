package it.percorsi.dote.dote;

import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;

/**
 * Who may see a dote — its promoter organisation, the CPI of its province, the agency and auditors
 * — as one {@link CaseScope}, used for one dote and as the predicate of lists. Who may act on a
 * visible dote is a matter of role: the agency decides, the promoter asks.
 */
final class DoteAccess {

  static final CaseScope SCOPE = new CaseScope("promoterOrgId", "provinceCode", null);

  private DoteAccess() {}

  static boolean canRead(Caller caller, Dote d) {
    return SCOPE.allows(caller, d.promoterOrgId, d.provinceCode, null);
  }

  static CaseScope.Where where(Caller caller) {
    return SCOPE.where(caller);
  }

  /** The dote's own promoter organisation, or the agency. */
  static boolean canRequestFor(Caller caller, Dote d) {
    return caller.isAgency() || (caller.is(Role.PROMOTER) && caller.belongsTo(d.promoterOrgId));
  }
}
