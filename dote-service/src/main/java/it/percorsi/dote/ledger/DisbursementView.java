package it.percorsi.dote.ledger;

import java.time.Instant;
import java.util.UUID;

/** A disbursement as its readers see it. */
public record DisbursementView(
    UUID id,
    UUID doteId,
    String line,
    String period,
    String status,
    long amountCents,
    String reason,
    int revision,
    Instant authorisedAt,
    String paymentReference,
    Instant paidAt,
    String rejectionReason,
    Instant rejectedAt) {

  public static DisbursementView of(Disbursement x) {
    return new DisbursementView(
        x.id,
        x.doteId,
        x.kind.name(),
        x.period,
        x.status.name(),
        x.amountCents,
        x.reason,
        x.revision,
        x.authorisedAt,
        x.paymentReference,
        x.paidAt,
        x.rejectionReason,
        x.rejectedAt);
  }
}
