package it.percorsi.dote.events;

import java.util.UUID;

/** {@code it.percorsi.disbursement.paid.v1}: the agency confirmed a payment. */
public record DisbursementPaid(
    UUID disbursementId, UUID doteId, long amountCents, String paymentReference)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.disbursement.paid.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
