package it.percorsi.dote.events;

import java.util.UUID;

/** {@code it.percorsi.disbursement.authorised.v1}: a payment was authorised from a budget line. */
public record DisbursementAuthorised(
    UUID disbursementId, UUID doteId, String line, String period, long amountCents)
    implements DoteEvent {

  public static final String TYPE = "it.percorsi.disbursement.authorised.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
