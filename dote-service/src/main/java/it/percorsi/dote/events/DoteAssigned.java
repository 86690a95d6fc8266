package it.percorsi.dote.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.dote.assigned.v1}: the clearance ("nulla osta"); a quota place is held until
 * the plan is approved or the deadline passes. Carries the dote's terms.
 */
public record DoteAssigned(
    UUID doteId,
    String programmeCode,
    UUID participantId,
    String promoterOrgId,
    String regionCode,
    String provinceCode,
    LocalDate assignedOn,
    LocalDate plannedInternshipStart,
    LocalDate startDeadline,
    int internshipMonths,
    int maxExtensionMonths,
    long monthlyAllowanceCents,
    int attendanceThresholdPercent,
    long hostContributionCents,
    long promoterServicesCents)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.dote.assigned.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
