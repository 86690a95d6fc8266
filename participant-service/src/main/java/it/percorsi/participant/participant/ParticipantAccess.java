package it.percorsi.participant.participant;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;

/**
 * Who may see a participant: the owning promoter organisation, the CPI of its province of
 * residence, the agency and auditors. Which of them may change it is a matter of roles (auditors
 * read only; erasure and transfer are the agency's).
 */
public final class ParticipantAccess {

  private ParticipantAccess() {}

  public static boolean canRead(Caller caller, Participant p) {
    if (caller.readsEverything()) {
      return true;
    }
    if (caller.is(Role.PROMOTER) && caller.belongsTo(p.ownerOrgId)) {
      return true;
    }
    return caller.servesProvince(p.provinceCode);
  }
}
