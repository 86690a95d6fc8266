package it.percorsi.participant.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A participant's current account and the ones before it, newest first. */
public record PaymentAccountView(
    UUID participantId, String iban, String accountHolder, Instant since, List<Entry> history) {

  /** One account and when it was in force. */
  public record Entry(
      String iban, String accountHolder, Instant validFrom, Instant validTo, String setByOrg) {}

  static PaymentAccountView of(UUID participantId, List<PaymentAccount> newestFirst) {
    PaymentAccount current = newestFirst.get(0);
    return new PaymentAccountView(
        participantId,
        current.iban,
        current.accountHolder,
        current.validFrom,
        newestFirst.stream()
            .map(a -> new Entry(a.iban, a.accountHolder, a.validFrom, a.validTo, a.setByOrg))
            .toList());
  }
}
