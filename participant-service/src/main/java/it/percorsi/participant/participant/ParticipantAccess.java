package it.percorsi.participant.participant;

import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;

/**
 * Who may see a participant: the owning promoter organisation, the CPI of its province of
 * residence, the agency and auditors — one {@link CaseScope}, used for one record and for lists.
 * Which of them may change it is a matter of roles (auditors read only; erasure and transfer are
 * the agency's).
 */
public final class ParticipantAccess {

  static final CaseScope SCOPE = new CaseScope("ownerOrgId", "provinceCode", null);

  private ParticipantAccess() {}

  public static boolean canRead(Caller caller, Participant p) {
    return SCOPE.allows(caller, p.ownerOrgId, p.provinceCode, null);
  }

  /** The participants {@code caller} may see, as a list query predicate. */
  static CaseScope.Where where(Caller caller) {
    return SCOPE.where(caller);
  }
}
