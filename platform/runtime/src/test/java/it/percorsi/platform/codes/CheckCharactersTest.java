package it.percorsi.platform.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckCharactersTest {

  @Test
  void numericCheckDigitOfAKnownPartitaIva() {
    // 00743110157 is a published company VAT number; its check digit is 7.
    assertEquals(7, CheckCharacters.numericCheckDigit("0074311015"));
    assertTrue(CheckCharacters.validNumeric("00743110157"));
    assertFalse(CheckCharacters.validNumeric("00743110158"));
  }

  @Test
  void personalCheckCharacterOfTheTextbookExample() {
    assertEquals('S', CheckCharacters.personalCheckChar("RSSMRA85T10A562"));
  }
}
