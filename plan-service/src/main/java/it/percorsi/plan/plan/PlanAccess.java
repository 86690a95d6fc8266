package it.percorsi.plan.plan;

import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;

/**
 * Who may see a plan, one rule for both uses (in memory and as a list query): the owning promoter
 * organisation, a CPI operator of the participant's province, the agency and auditors; host and
 * integrator roles see nothing. Who may change it is a matter of role on top: the owning promoter
 * writes, the agency or a CPI operator of the province decides.
 */
public final class PlanAccess {

  /** Owner = the dote's promoter; province = the participant's, as the dote announced it. */
  public static final CaseScope SCOPE = new CaseScope("promoterOrgId", "provinceCode", null);

  private PlanAccess() {}

  public static boolean canRead(Caller caller, Plan p) {
    return SCOPE.allows(caller, p.promoterOrgId, p.provinceCode, null);
  }

  /** The owning promoter writes the plan and records its deliveries. */
  public static boolean canWrite(Caller caller, Plan p) {
    return caller.is(Role.PROMOTER) && caller.belongsTo(p.promoterOrgId);
  }

  /** The agency, or a CPI operator of the participant's province, approves and validates. */
  public static boolean canDecide(Caller caller, Plan p) {
    return caller.isAgency() || caller.servesProvince(p.provinceCode);
  }

  /** The same rule as {@link #canRead}, for list queries on {@link Plan}. */
  public static CaseScope.Where where(Caller caller) {
    return SCOPE.where(caller);
  }
}
