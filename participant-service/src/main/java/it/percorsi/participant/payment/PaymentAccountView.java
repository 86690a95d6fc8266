package it.percorsi.participant.payment;

import it.percorsi.platform.payment.PaymentAccountHistory.Entry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A participant's current account and the ones before it, newest first. */
public record PaymentAccountView(
    UUID participantId, String iban, String accountHolder, Instant since, List<Entry> history) {

  static PaymentAccountView of(UUID participantId, List<PaymentAccount> newestFirst) {
    PaymentAccount current = newestFirst.get(0);
    return new PaymentAccountView(
        participantId,
        current.iban,
        current.accountHolder,
        current.validFrom,
        Entry.of(newestFirst));
  }
}
