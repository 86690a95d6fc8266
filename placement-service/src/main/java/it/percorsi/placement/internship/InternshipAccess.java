package it.percorsi.placement.internship;

import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;

/**
 * Who may see an internship: the promoter that owns the dote, the CPI of the dote's province, the
 * host organisation where it runs, the agency and auditors. One rule for one record and for lists.
 */
public final class InternshipAccess {

  static final CaseScope SCOPE = new CaseScope("promoterOrgId", "provinceCode", "hostOrgId");

  private InternshipAccess() {}

  public static boolean canRead(Caller c, Internship i) {
    return SCOPE.allows(c, i.promoterOrgId, i.provinceCode, i.hostOrgId);
  }

  /** A JPQL predicate on the fields of {@code Internship}. */
  public static CaseScope.Where where(Caller c) {
    return SCOPE.where(c);
  }
}
