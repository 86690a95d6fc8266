package it.percorsi.placement.employer;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.placement.reference.Ateco;
import it.percorsi.placement.reference.TaxIds;
import org.junit.jupiter.api.Test;

class EmployerRulesTest {

  @Test
  void partitaIvaWithItsCheckDigitIsValid() {
    assertThat(TaxIds.problem("00743110157")).isNull();
  }

  @Test
  void partitaIvaWithAWrongCheckDigitIsRefused() {
    assertThat(TaxIds.problem("00743110158")).isEqualTo("has a wrong check digit");
  }

  @Test
  void soleTradersPersonalCodeIsCheckedToo() {
    assertThat(TaxIds.problem("RSSMRA85T10A562S")).isNull();
    assertThat(TaxIds.problem("RSSMRA85T10A562X")).isEqualTo("has a wrong check character");
    assertThat(TaxIds.problem("ACME")).startsWith("must be an 11-digit partita IVA");
  }

  @Test
  void atecoCodesOfEveryLevelHaveTheirShape() {
    assertThat(Ateco.problem("62")).isNull();
    assertThat(Ateco.problem("62.1")).isNull();
    assertThat(Ateco.problem("62.10")).isNull();
    assertThat(Ateco.problem("62.10.0")).isNull();
    assertThat(Ateco.problem("62.10.00")).isNull();
    assertThat(Ateco.problem("6210")).isNotNull();
    assertThat(Ateco.problem("62.100")).isNotNull();
    assertThat(Ateco.problem("00")).isEqualTo("has no such ATECO division");
  }

  @Test
  void concurrentInternLimitFollowsTheHostsSize() {
    assertThat(EmployerRules.concurrentInternLimit(0)).isEqualTo(1);
    assertThat(EmployerRules.concurrentInternLimit(5)).isEqualTo(1);
    assertThat(EmployerRules.concurrentInternLimit(6)).isEqualTo(2);
    assertThat(EmployerRules.concurrentInternLimit(20)).isEqualTo(2);
    assertThat(EmployerRules.concurrentInternLimit(21)).isEqualTo(2);
    assertThat(EmployerRules.concurrentInternLimit(39)).isEqualTo(3);
    assertThat(EmployerRules.concurrentInternLimit(120)).isEqualTo(12);
  }
}
