package it.percorsi.dote.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A payment batch as the agency and auditors see it: no IBAN, no name (those are in the file). */
public record PaymentBatchView(
    UUID id,
    String messageId,
    String programmeCode,
    String period,
    String line,
    String state,
    int numberOfTransfers,
    long controlSumCents,
    String controlSum,
    LocalDate requestedExecutionDate,
    Instant createdAt,
    List<TransferView> transfers,
    List<ExclusionView> excluded) {

  /** One transfer. */
  public record TransferView(
      UUID disbursementId,
      String endToEndId,
      String payee,
      long amountCents,
      String status,
      String reason,
      Instant settledAt) {}

  /** A disbursement left out, and why. */
  public record ExclusionView(UUID disbursementId, String reason) {}

  static PaymentBatchView of(PaymentBatch b, List<Transfer> transfers, List<Exclusion> excluded) {
    return new PaymentBatchView(
        b.id,
        b.messageId,
        b.programmeCode,
        b.period,
        b.kind,
        b.state.name(),
        b.transfers,
        b.controlSumCents,
        Pain001.euros(b.controlSumCents).toPlainString(),
        b.requestedOn,
        b.createdAt,
        transfers.stream()
            .map(
                t ->
                    new TransferView(
                        t.id.disbursementId(),
                        t.endToEndId,
                        t.payeeKind.name(),
                        t.amountCents,
                        t.status.name(),
                        t.reason,
                        t.settledAt))
            .toList(),
        excluded.stream().map(e -> new ExclusionView(e.id.disbursementId(), e.reason)).toList());
  }
}
