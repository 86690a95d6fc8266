package it.percorsi.platform.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaxCodesTest {

  // The usual textbook example: a man born on 10 December 1985 (85, T, 10) in municipality A562.
  private static final String VALID = "RSSMRA85T10A562S";

  @Test
  void personalCodeWithTheRightCheckCharacterIsValid() {
    assertThat(TaxCodes.problem(VALID)).isNull();
  }

  @Test
  void personalCodeWithAWrongCheckCharacterIsRefused() {
    assertThat(TaxCodes.problem("RSSMRA85T10A562X")).isEqualTo("has a wrong check character");
  }

  @Test
  void provisionalCodeWithTheRightCheckDigitIsValid() {
    // 10 digits 0123456789: Luhn-like sum as the Agenzia delle Entrate computes it gives 7.
    assertThat(TaxCodes.problem("01234567897")).isNull();
  }

  @Test
  void provisionalCodeWithAWrongCheckDigitIsRefused() {
    assertThat(TaxCodes.problem("01234567890")).isEqualTo("has a wrong check digit");
  }

  @Test
  void codeOfAnotherShapeIsRefused() {
    assertThat(TaxCodes.problem("ABC123"))
        .isEqualTo("must be a 16-character tax code or an 11-digit provisional one");
  }

  @Test
  void normalisingUpperCasesAndDropsSpaces() {
    assertThat(TaxCodes.normalise("rssmra 85t10 a562s")).isEqualTo(VALID);
  }

  @Test
  void personalCodeAgreesWithTheBirthDateAndSexItEncodes() {
    assertThat(TaxCodes.birthMismatch(VALID, LocalDate.of(1985, 12, 10), "M")).isNull();
  }

  @Test
  void personalCodeOfAnotherBirthDateIsAMismatch() {
    assertThat(TaxCodes.birthMismatch(VALID, LocalDate.of(1985, 12, 11), "M"))
        .isEqualTo("does not match the birth date");
  }

  @Test
  void personalCodeOfAManIsAMismatchForAWoman() {
    assertThat(TaxCodes.birthMismatch(VALID, LocalDate.of(1985, 12, 10), "F"))
        .isEqualTo("does not match the sex");
  }

  @Test
  void omocodiaLettersReadAsTheDigitsTheyReplace() {
    // Day 10 written as "1L" (L stands for 0); the check character is recomputed.
    String omocode = "RSSMRA85T1LA562";
    omocode += TaxCodes.personalCheckChar(omocode);

    assertThat(TaxCodes.problem(omocode)).isNull();
    assertThat(TaxCodes.birthMismatch(omocode, LocalDate.of(1985, 12, 10), "M")).isNull();
  }

  @Test
  void provisionalCodeEncodesNoBirthSoNeverMismatches() {
    assertThat(TaxCodes.birthMismatch("01234567897", LocalDate.of(2000, 1, 1), "F")).isNull();
  }
}
