package it.percorsi.dote.dote;

import it.percorsi.dote.ledger.BudgetLine;
import it.percorsi.dote.ledger.Disbursement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A dote with its ledger. */
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
    UUID planId,
    LocalDate activatedOn,
    LocalDate closedOn,
    String closeReason,
    List<Line> budget,
    List<DisbursementView> disbursements) {

  /** A budget line in cents. */
  public record Line(String kind, long committedCents, long remainingCents) {}

  /** A disbursement. */
  public record DisbursementView(
      UUID id,
      String line,
      String period,
      String status,
      long amountCents,
      String reason,
      Instant authorisedAt,
      String paymentReference,
      Instant paidAt) {

    public static DisbursementView of(Disbursement x) {
      return new DisbursementView(
          x.id,
          x.kind.name(),
          x.period,
          x.status.name(),
          x.amountCents,
          x.reason,
          x.authorisedAt,
          x.paymentReference,
          x.paidAt);
    }
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
        d.planId,
        d.activatedOn,
        d.closedOn,
        d.closeReason,
        lines.stream()
            .map(l -> new Line(l.id.kind().name(), l.committedCents, l.remainingCents))
            .toList(),
        disbursements.stream().map(DisbursementView::of).toList());
  }
}
