package it.percorsi.plan.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a plan must fit of its dote, as dote-service announced it: the dote's period runs from
 * {@code assignedOn} to {@code startDeadline} plus the internship months and the extension months
 * granted so far.
 */
public record DoteTerms(
    UUID doteId,
    LocalDate assignedOn,
    LocalDate startDeadline,
    int internshipMonths,
    int extensionMonths,
    long promoterServicesCents) {

  /** The last day of the dote's period. */
  public LocalDate periodEnd() {
    return startDeadline.plusMonths((long) internshipMonths + extensionMonths);
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(assignedOn) && !day.isAfter(periodEnd());
  }
}
