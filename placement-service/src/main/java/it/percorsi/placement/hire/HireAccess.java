package it.percorsi.placement.hire;

import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;

/** Who may see a hire: the case's promoter, the CPI of its province, the agency and auditors. */
public final class HireAccess {

  static final CaseScope SCOPE = new CaseScope("promoterOrgId", "provinceCode", null);

  private HireAccess() {}

  public static boolean canRead(Caller c, Hire h) {
    return SCOPE.allows(c, h.promoterOrgId, h.provinceCode, null);
  }

  public static boolean canRecordFor(Caller c, Hire.Case k) {
    return SCOPE.allows(c, k.promoterOrgId(), k.provinceCode(), null);
  }

  public static CaseScope.Where where(Caller c) {
    return SCOPE.where(c);
  }
}
