package it.percorsi.participant.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeListsTest {

  @Test
  void isoAlpha3CountryIsANationality() {
    assertThat(CodeLists.isNationality("GIN")).isTrue();
  }

  @Test
  void statelessCodeIsANationalityButNotACountry() {
    assertThat(CodeLists.isNationality("XXA")).isTrue();
    assertThat(CodeLists.isCountry("XXA")).isFalse();
  }

  @Test
  void unassignedAlpha3CodeIsNotACountry() {
    assertThat(CodeLists.isCountry("QQQ")).isFalse();
  }

  @Test
  void twoAndThreeLetterLanguageCodesAreKnown() {
    assertThat(CodeLists.isLanguage("fr")).isTrue();
    assertThat(CodeLists.isLanguage("fra")).isTrue();
    assertThat(CodeLists.isLanguage("bm")).isTrue();
  }

  @Test
  void unknownLanguageCodeIsRefused() {
    assertThat(CodeLists.isLanguage("zz")).isFalse();
  }
}
