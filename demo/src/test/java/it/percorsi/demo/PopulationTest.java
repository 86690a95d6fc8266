package it.percorsi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.demo.Population.Person;
import it.percorsi.platform.codes.TaxCodes;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PopulationTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  static final java.util.List<Person> PEOPLE = Population.generate(2026, TODAY);

  @Test
  void fourHundredPeopleInAtLeastEightProvincesOfFourRegionsMessinaAmongThem() {
    assertThat(PEOPLE).hasSize(400);
    assertThat(PEOPLE.stream().map(p -> p.province().code()).distinct().count())
        .isGreaterThanOrEqualTo(8);
    assertThat(PEOPLE.stream().map(p -> p.province().region()).distinct().count())
        .isGreaterThanOrEqualTo(4);
    assertThat(PEOPLE).anyMatch(p -> p.province().code().equals("083"));
  }

  @Test
  void theSameSeedGivesTheSamePeopleAndAnotherSeedOthers() {
    assertThat(Population.generate(2026, TODAY)).isEqualTo(PEOPLE);
    assertThat(Population.generate(7, TODAY)).isNotEqualTo(PEOPLE);
  }

  @Test
  void agesAreTheProgrammesSixteenToTwentyThreeAndMinorsHaveAGuardianWhoConsents() {
    for (Person p : PEOPLE) {
      assertThat(p.ageOn(TODAY)).isBetween(16, 23);
      assertThat(p.ageOn(TODAY.plusDays(14))).isGreaterThanOrEqualTo(16);
      if (p.minorOn(TODAY)) {
        assertThat(p.guardianName()).isNotNull();
        assertThat(p.consentGivenBy()).isEqualTo("GUARDIAN");
        assertThat(p.guardianAppointed()).isBetween(p.arrivalDate(), TODAY);
        assertThat(p.minorOn(p.consentDate())).isTrue();
      } else {
        assertThat(p.guardianName()).isNull();
        assertThat(p.consentGivenBy()).isEqualTo("PARTICIPANT");
        assertThat(p.minorOn(p.consentDate())).isFalse();
      }
      assertThat(p.consentDate()).isBeforeOrEqualTo(TODAY);
    }
    long minors = PEOPLE.stream().filter(p -> p.minorOn(TODAY)).count();
    assertThat(minors).isBetween(60L, 140L);
  }

  @Test
  void everyoneArrivedAsAnUnaccompaniedMinorBeforeTodayWithDocumentsInOrder() {
    for (Person p : PEOPLE) {
      assertThat(p.minorOn(p.arrivalDate())).as("minor on arrival").isTrue();
      assertThat(p.arrivalDate()).isAfter(p.birthDate()).isBefore(TODAY);
      assertThat(p.firstReceptionDate()).isBetween(p.arrivalDate(), TODAY);
      assertThat(p.didDate()).isBetween(p.arrivalDate(), TODAY);
      assertThat(p.agreementDate()).isBetween(p.didDate(), TODAY);
    }
  }

  @Test
  void taxCodesAreValidUniqueAndAgreeWithBirthDateAndSex() {
    for (Person p : PEOPLE) {
      assertThat(TaxCodes.problem(p.taxCode())).as(p.taxCode()).isNull();
      assertThat(TaxCodes.birthMismatch(p.taxCode(), p.birthDate(), p.sex()))
          .as(p.taxCode())
          .isNull();
    }
    assertThat(PEOPLE.stream().map(Person::taxCode).distinct().count()).isEqualTo(400);
    assertThat(PEOPLE).anyMatch(p -> TaxCodes.isProvisional(p.taxCode()));
    assertThat(PEOPLE).anyMatch(p -> !TaxCodes.isProvisional(p.taxCode()));
  }

  @Test
  void nationalitiesAreTheMostFrequentCountriesOfOriginEgyptFirst() {
    Map<String, Long> byCountry =
        PEOPLE.stream().collect(Collectors.groupingBy(Person::nationality, Collectors.counting()));
    assertThat(byCountry.keySet())
        .contains("EGY", "UKR", "TUN", "GMB", "GIN", "BGD", "PAK", "ALB", "CIV", "MLI");
    assertThat(
            byCountry.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())
        .isEqualTo("EGY");
  }

  @Test
  void aForeignBirthIsCodedWithTheCountrysCadastralCode() {
    String code = TaxCode.personal("Diallo", "Amadou", LocalDate.of(2005, 3, 14), "M", "Z319");
    assertThat(code).startsWith("DLLMDA05C14Z319");
    assertThat(TaxCodes.problem(code)).isNull();
    assertThat(TaxCode.personal("Rossi", "Maria", LocalDate.of(1985, 12, 10), "F", "A562"))
        .isEqualTo("RSSMRA85T50A562" + TaxCodes.personalCheckChar("RSSMRA85T50A562"));
  }

  @Test
  void hostsHaveValidTaxIdsAndRoomForEveryResidentOfTheirProvince() {
    var hosts = Hosts.generate(2026);
    assertThat(hosts.size()).isBetween(24, 60);
    hosts.forEach(h -> assertThat(TaxCodes.problem(h.taxCode())).as(h.name()).isNull());
    assertThat(hosts.stream().map(Hosts.Host::taxCode).distinct().count()).isEqualTo(hosts.size());
    Map<String, Integer> room =
        hosts.stream()
            .collect(
                Collectors.groupingBy(
                    Hosts.Host::province, Collectors.summingInt(Hosts.Host::internLimit)));
    for (Population.Province p : Population.PROVINCES) {
      assertThat(room.getOrDefault(p.code(), 0)).as(p.name()).isGreaterThanOrEqualTo(p.residents());
    }
    assertThat(hosts.stream().map(h -> h.ateco().substring(0, 2)).distinct().count())
        .isGreaterThan(10);
    assertThat(hosts).anyMatch(h -> h.employees() <= 5).anyMatch(h -> h.employees() > 250);
  }
}
