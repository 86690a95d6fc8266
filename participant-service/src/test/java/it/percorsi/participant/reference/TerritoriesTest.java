package it.percorsi.participant.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerritoriesTest {

  private final Territories territories = new Territories();

  @Test
  void messinaProvinceIsInSicily() {
    assertThat(territories.province("083").orElseThrow().regionCode()).isEqualTo("19");
  }

  @Test
  void messinaMunicipalityIsInMessinaProvince() {
    assertThat(territories.municipality("083048").orElseThrow().provinceCode()).isEqualTo("083");
  }

  @Test
  void everyMunicipalityOfTheListIsLoaded() {
    // ISTAT list of 1 January 2020: 7,904 municipalities; spot-check the last code of the file.
    assertThat(territories.municipality("111107")).isPresent();
  }

  @Test
  void unknownMunicipalityIsAbsent() {
    assertThat(territories.municipality("999999")).isEmpty();
  }
}
