package it.percorsi.dote.dote;

import it.percorsi.dote.ledger.BudgetLine;
import it.percorsi.dote.ledger.Disbursement;
import it.percorsi.dote.ledger.DisbursementView;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A dote as its readers see it, with its ledger when read alone. */
public record DoteView(
    UUID id,
    String programme,
    UUID participantId,
    String promoterOrgId,
    String regionCode,
    String provinceCode,
    String state,
    LocalDate plannedInternshipStart,
    LocalDate assignedOn,
    LocalDate startDeadline,
    int internshipMonths,
    int extensionMonths,
    Integer extensionRequestedMonths,
    UUID planId,
    LocalDate activatedOn,
    UUID internshipId,
    LocalDate internshipStart,
    LocalDate internshipPlannedEnd,
    LocalDate internshipEndedOn,
    LocalDate closedOn,
    String closeReasonCode,
    String closeReason,
    List<Line> budget,
    List<DisbursementView> disbursements) {

  /** A budget line in cents. */
  public record Line(String kind, long committedCents, long remainingCents) {}

  static DoteView of(Dote d) {
    return of(d, List.of(), List.of());
  }

  static DoteView of(Dote d, List<BudgetLine> lines, List<Disbursement> disbursements) {
    return new DoteView(
        d.id,
        d.programmeCode,
        d.participantId,
        d.promoterOrgId,
        d.regionCode,
        d.provinceCode,
        d.state.name(),
        d.plannedInternshipStart,
        d.assignedOn,
        d.startDeadline,
        d.internshipMonths,
        d.extensionMonths,
        d.extensionRequestedMonths,
        d.planId,
        d.activatedOn,
        d.internshipId,
        d.internshipStart,
        d.internshipPlannedEnd,
        d.internshipEndedOn,
        d.closedOn,
        d.closeReasonCode,
        d.closeReason,
        lines.stream()
            .map(l -> new Line(l.id.kind().name(), l.committedCents, l.remainingCents))
            .toList(),
        disbursements.stream().map(DisbursementView::of).toList());
  }
}
