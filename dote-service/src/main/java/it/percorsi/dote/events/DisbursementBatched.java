package it.percorsi.dote.events;

import java.util.UUID;

/**
 * {@code it.percorsi.disbursement.batched.v1}: an authorised disbursement left in a payment batch
 * (a SEPA credit transfer waiting for the bank). No payee details: those stay with their owners.
 */
public record DisbursementBatched(
    UUID disbursementId, UUID doteId, UUID batchId, String endToEndId, long amountCents)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.disbursement.batched.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
