package it.percorsi.dote.ledger;

import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;

/**
 * Who may read a disbursement: whoever may read its dote — the promoter organisation, the CPI of
 * the dote's province, the agency and auditors. The two facts are kept on the disbursement.
 */
final class DisbursementAccess {

  static final CaseScope SCOPE = new CaseScope("promoterOrgId", "provinceCode", null);

  private DisbursementAccess() {}

  static boolean canRead(Caller caller, Disbursement x) {
    return SCOPE.allows(caller, x.promoterOrgId, x.provinceCode, null);
  }
}
