package it.percorsi.participant.participant;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;

/** Who may see a participant: the owning organisation, the CPI of its province, agency, auditor. */
final class ParticipantAccess {

  private ParticipantAccess() {}

  static boolean canRead(Caller caller, Participant p) {
    if (caller.readsEverything()) {
      return true;
    }
    if (caller.is(Role.PROMOTER) && caller.belongsTo(p.ownerOrgId)) {
      return true;
    }
    return caller.servesProvince(p.provinceCode);
  }
}
