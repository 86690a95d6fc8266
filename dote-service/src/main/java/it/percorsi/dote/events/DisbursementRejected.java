package it.percorsi.dote.events;

import java.util.UUID;

/**
 * {@code it.percorsi.disbursement.rejected.v1}: the bank rejected a disbursement's transfer (for
 * example a closed account); the disbursement is authorised again, payable by a later batch.
 */
public record DisbursementRejected(
    UUID disbursementId, UUID doteId, UUID batchId, long amountCents, String reason)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.disbursement.rejected.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
