package it.percorsi.dote.dote;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;

/** Who sees a dote: its promoter organisation, the CPI of its province, agency and auditors. */
final class DoteAccess {

  private DoteAccess() {}

  static boolean canRead(Caller caller, Dote d) {
    if (caller.readsEverything()) {
      return true;
    }
    if (caller.is(Role.PROMOTER) && caller.belongsTo(d.promoterOrgId)) {
      return true;
    }
    return caller.servesProvince(d.provinceCode);
  }
}
