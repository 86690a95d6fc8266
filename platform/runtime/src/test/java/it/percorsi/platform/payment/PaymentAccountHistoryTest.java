package it.percorsi.platform.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.percorsi.platform.codes.Ibans;
import it.percorsi.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a payee's account change that participant- and placement-service share. */
class PaymentAccountHistoryTest {

  private static final String IBAN = "IT60X0542811101000000123456";
  private static final String OTHER = "DE89370400440532013000";

  private static final class Account extends PaymentAccountRecord {
    Account(String iban, String holder, Instant from, Instant to) {
      this.iban = iban;
      this.accountHolder = holder;
      this.validFrom = from;
      this.validTo = to;
      this.setByOrg = "ORG-A";
    }
  }

  @Test
  void aFirstAccountChangesBothFields() {
    assertThat(PaymentAccountHistory.fieldsChanged(null, IBAN, "Amina Diallo"))
        .containsExactly(PaymentAccountHistory.IBAN_FIELD, PaymentAccountHistory.HOLDER_FIELD);
  }

  @Test
  void theSameAccountAgainChangesNothing() {
    Account current = new Account(IBAN, "Amina Diallo", Instant.EPOCH, null);
    assertThat(PaymentAccountHistory.fieldsChanged(current, IBAN, "Amina Diallo")).isEmpty();
  }

  @Test
  void aChangeNamesOnlyTheFieldsThatDiffer() {
    Account current = new Account(IBAN, "Amina Diallo", Instant.EPOCH, null);
    assertThat(PaymentAccountHistory.fieldsChanged(current, OTHER, "Amina Diallo"))
        .containsExactly(PaymentAccountHistory.IBAN_FIELD);
    assertThat(PaymentAccountHistory.fieldsChanged(current, IBAN, "A. Diallo"))
        .containsExactly(PaymentAccountHistory.HOLDER_FIELD);
  }

  @Test
  void entriesKeepTheOrderAndIntervalsOfTheHistory() {
    Instant t1 = Instant.parse("2027-01-01T00:00:00Z");
    Instant t2 = Instant.parse("2027-02-01T00:00:00Z");
    List<PaymentAccountHistory.Entry> entries =
        PaymentAccountHistory.Entry.of(
            List.of(new Account(OTHER, "B", t2, null), new Account(IBAN, "A", t1, t2)));
    assertThat(entries)
        .containsExactly(
            new PaymentAccountHistory.Entry(OTHER, "B", t2, null, "ORG-A"),
            new PaymentAccountHistory.Entry(IBAN, "A", t1, t2, "ORG-A"));
  }

  @Test
  void anIbanIsKeptWithoutSpacesInUpperCaseAndRefusedWithWrongCheckDigits() {
    assertThat(Ibans.checked("it60 x054 2811 1010 0000 0123 456")).isEqualTo(IBAN);
    assertThatThrownBy(() -> Ibans.checked("IT61X0542811101000000123456"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().getStatus()).isEqualTo(400);
              assertThat(e.problem().getExtensions().get("errors").toString())
                  .contains("iban", "has wrong check digits");
            });
  }
}
