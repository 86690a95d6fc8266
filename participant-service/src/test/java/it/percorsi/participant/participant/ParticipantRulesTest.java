package it.percorsi.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.participant.reference.Territories;
import it.percorsi.platform.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link ParticipantRules}, each breaking it on an otherwise valid record. */
class ParticipantRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final ParticipantRules RULES = new ParticipantRules(new Territories());
  private static final LocalDate TODAY = Fixtures.today();

  private static List<FieldError> check(Map<String, Object> body) {
    ParticipantData d = JSON.convertValue(body, ParticipantData.class);
    return RULES.check(d.normalised(d.residenceRegion()), TODAY);
  }

  private static List<FieldError> adultWith(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = Fixtures.complete();
    change.accept(body);
    return check(body);
  }

  private static List<FieldError> minorWith(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = Fixtures.minor("083");
    change.accept(body);
    return check(body);
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void completeAdultRecordBreaksNoRule() {
    assertThat(check(Fixtures.complete())).isEmpty();
  }

  @Test
  void minorWithGuardianAndGuardiansConsentBreaksNoRule() {
    assertThat(check(Fixtures.minor("083"))).isEmpty();
  }

  @Test
  void taxCodeWithAWrongCheckCharacterIsRefused() {
    assertThat(adultWith(b -> b.put("taxCode", "RSSMRA85T10A562X")))
        .containsExactly(new FieldError("taxCode", "has a wrong check character"));
  }

  @Test
  void provisionalTaxCodeWithAWrongCheckDigitIsRefused() {
    assertThat(adultWith(b -> b.put("taxCode", "01234567890")))
        .containsExactly(new FieldError("taxCode", "has a wrong check digit"));
  }

  @Test
  void taxCodeOfAnotherShapeIsRefused() {
    assertThat(fields(adultWith(b -> b.put("taxCode", "12AB")))).containsExactly("taxCode");
  }

  @Test
  void definitiveTaxCodeOfTheBirthDateAndSexIsAccepted() {
    assertThat(adultWith(b -> b.put("taxCode", Fixtures.definitiveTaxCode(birth(b), "M"))))
        .isEmpty();
  }

  @Test
  void definitiveTaxCodeOfAnotherBirthDateIsRefused() {
    assertThat(
            adultWith(b -> b.put("taxCode", Fixtures.definitiveTaxCode(birth(b).plusDays(1), "M"))))
        .containsExactly(new FieldError("taxCode", "does not match the birth date"));
  }

  @Test
  void definitiveTaxCodeOfAWomanIsRefusedForAMan() {
    assertThat(adultWith(b -> b.put("taxCode", Fixtures.definitiveTaxCode(birth(b), "F"))))
        .containsExactly(new FieldError("taxCode", "does not match the sex"));
  }

  @Test
  void birthDateInTheFutureIsRefused() {
    assertThat(fields(adultWith(b -> b.put("birthDate", TODAY.plusDays(1).toString()))))
        .contains("birthDate");
  }

  @Test
  void birthCountryThatIsNotAnIsoCountryIsRefused() {
    assertThat(fields(adultWith(b -> b.put("birthCountry", "QQQ"))))
        .containsExactly("birthCountry");
  }

  @Test
  void nationalityThatIsNotAnIsoCountryIsRefused() {
    assertThat(fields(adultWith(b -> b.put("nationality", "QQQ")))).containsExactly("nationality");
  }

  @Test
  void statelessNationalityIsAccepted() {
    assertThat(adultWith(b -> b.put("nationality", "XXA"))).isEmpty();
  }

  @Test
  void arrivalBeforeBirthIsRefused() {
    assertThat(adultWith(b -> b.put("arrivalDate", "2004-01-01")))
        .contains(new FieldError("arrivalDate", "is before the birth date"));
  }

  @Test
  void arrivalInTheFutureIsRefused() {
    assertThat(adultWith(b -> b.put("arrivalDate", TODAY.plusDays(1).toString())))
        .contains(new FieldError("arrivalDate", "must not be in the future"));
  }

  @Test
  void unaccompaniedMinorArrivingAfterTheEighteenthBirthdayIsRefused() {
    assertThat(fields(adultWith(b -> b.put("arrivalDate", birth(b).plusYears(18).toString()))))
        .contains("enteredAsUnaccompaniedMinor");
  }

  @Test
  void adultArrivingAfterEighteenWithoutEnteringAsMinorIsAccepted() {
    assertThat(
            adultWith(
                b -> {
                  b.put("arrivalDate", birth(b).plusYears(18).toString());
                  b.put("firstReceptionDate", birth(b).plusYears(18).toString());
                  b.put("enteredAsUnaccompaniedMinor", false);
                }))
        .isEmpty();
  }

  @Test
  void firstReceptionBeforeArrivalIsRefused() {
    assertThat(adultWith(b -> b.put("firstReceptionDate", "2021-06-01")))
        .containsExactly(new FieldError("firstReceptionDate", "is before the arrival date"));
  }

  @Test
  void firstReceptionInTheFutureIsRefused() {
    assertThat(adultWith(b -> b.put("firstReceptionDate", TODAY.plusDays(1).toString())))
        .containsExactly(new FieldError("firstReceptionDate", "must not be in the future"));
  }

  @Test
  void firstReceptionWithoutItsTypeIsRefused() {
    assertThat(fields(adultWith(b -> b.remove("receptionType")))).containsExactly("receptionType");
  }

  @Test
  void permitWithNeitherExpiryNorRenewalReceiptIsRefused() {
    assertThat(
            fields(adultWith(b -> b.put("permit", Map.of("kind", "STUDY", "number", "AB12345")))))
        .containsExactly("permit.expiryDate");
  }

  @Test
  void permitWithARenewalReceiptInsteadOfAnExpiryIsAccepted() {
    assertThat(
            adultWith(
                b ->
                    b.put(
                        "permit",
                        Map.of(
                            "kind",
                            "WORK",
                            "number",
                            "AB12345",
                            "renewalReceiptDate",
                            "2026-01-10"))))
        .isEmpty();
  }

  @Test
  void renewalReceiptInTheFutureIsRefused() {
    assertThat(
            fields(
                adultWith(
                    b ->
                        b.put(
                            "permit",
                            Map.of(
                                "kind",
                                "WORK",
                                "number",
                                "AB12345",
                                "renewalReceiptDate",
                                TODAY.plusDays(1).toString())))))
        .containsExactly("permit.renewalReceiptDate");
  }

  @Test
  void minorWithoutGuardianIsRefused() {
    assertThat(minorWith(b -> b.remove("guardian")))
        .contains(new FieldError("guardian", "is required while the participant is under 18"));
  }

  @Test
  void adultWithGuardianIsRefused() {
    assertThat(adultWith(b -> b.put("guardian", Fixtures.guardian(LocalDate.of(2021, 7, 1)))))
        .containsExactly(new FieldError("guardian", "is not accepted for an adult participant"));
  }

  @Test
  void guardianAppointedInTheFutureIsRefused() {
    assertThat(fields(minorWith(b -> b.put("guardian", Fixtures.guardian(TODAY.plusDays(1))))))
        .containsExactly("guardian.appointmentDate");
  }

  @Test
  void guardianAppointedBeforeArrivalIsRefused() {
    assertThat(
            minorWith(
                b ->
                    b.put(
                        "guardian",
                        Fixtures.guardian(
                            LocalDate.parse((String) b.get("arrivalDate")).minusDays(1)))))
        .containsExactly(new FieldError("guardian.appointmentDate", "is before the arrival date"));
  }

  @Test
  void unknownProvinceIsRefused() {
    assertThat(
            adultWith(
                b -> {
                  b.put("residenceProvince", "999");
                  b.remove("residenceMunicipality");
                  b.remove("residenceRegion");
                }))
        .containsExactly(new FieldError("residenceProvince", "is not an ISTAT province code"));
  }

  @Test
  void provinceOutsideTheRegionIsRefused() {
    // Province 083 (Messina) is in Sicily (19), not Lombardy (03).
    assertThat(adultWith(b -> b.put("residenceRegion", "03")))
        .containsExactly(new FieldError("residenceProvince", "does not belong to the region 03"));
  }

  @Test
  void unknownRegionIsRefused() {
    assertThat(fields(adultWith(b -> b.put("residenceRegion", "42"))))
        .containsExactly("residenceRegion");
  }

  @Test
  void municipalityOutsideTheProvinceIsRefused() {
    // 082053 is Palermo, in province 082.
    assertThat(adultWith(b -> b.put("residenceMunicipality", "082053")))
        .containsExactly(
            new FieldError("residenceMunicipality", "does not belong to the province 083"));
  }

  @Test
  void unknownMunicipalityIsRefused() {
    assertThat(fields(adultWith(b -> b.put("residenceMunicipality", "083999"))))
        .containsExactly("residenceMunicipality");
  }

  @Test
  void unknownLanguageIsRefused() {
    assertThat(fields(adultWith(b -> b.put("languages", List.of("fr", "zz")))))
        .containsExactly("languages[1]");
  }

  @Test
  void languageListedTwiceIsRefused() {
    assertThat(fields(adultWith(b -> b.put("languages", List.of("fr", "fr")))))
        .containsExactly("languages");
  }

  @Test
  void unemploymentDeclarationInTheFutureIsRefused() {
    assertThat(
            adultWith(
                b -> {
                  b.put("unemploymentDeclarationDate", TODAY.plusDays(1).toString());
                  b.remove("serviceAgreementDate");
                }))
        .containsExactly(
            new FieldError("unemploymentDeclarationDate", "must not be in the future"));
  }

  @Test
  void unemploymentDeclarationBeforeArrivalIsRefused() {
    assertThat(adultWith(b -> b.put("unemploymentDeclarationDate", "2021-01-01")))
        .containsExactly(
            new FieldError("unemploymentDeclarationDate", "is before the arrival date"));
  }

  @Test
  void serviceAgreementWithoutUnemploymentDeclarationIsRefused() {
    assertThat(fields(adultWith(b -> b.remove("unemploymentDeclarationDate"))))
        .containsExactly("serviceAgreementDate");
  }

  @Test
  void serviceAgreementBeforeTheUnemploymentDeclarationIsRefused() {
    assertThat(adultWith(b -> b.put("serviceAgreementDate", "2024-01-14")))
        .containsExactly(
            new FieldError("serviceAgreementDate", "is before the unemployment declaration date"));
  }

  @Test
  void serviceAgreementInTheFutureIsRefused() {
    assertThat(adultWith(b -> b.put("serviceAgreementDate", TODAY.plusDays(1).toString())))
        .containsExactly(new FieldError("serviceAgreementDate", "must not be in the future"));
  }

  @Test
  void consentInTheFutureIsRefused() {
    assertThat(
            fields(
                adultWith(
                    b ->
                        b.put(
                            "consent",
                            Map.of(
                                "givenBy", "PARTICIPANT", "date", TODAY.plusDays(1).toString())))))
        .containsExactly("consent.date");
  }

  @Test
  void consentBeforeBirthIsRefused() {
    assertThat(
            fields(
                minorWith(
                    b ->
                        b.put(
                            "consent",
                            Map.of(
                                "givenBy", "GUARDIAN", "date", birth(b).minusDays(1).toString())))))
        .containsExactly("consent.date");
  }

  @Test
  void guardiansConsentForAnAdultIsRefused() {
    assertThat(
            adultWith(b -> b.put("consent", Map.of("givenBy", "GUARDIAN", "date", "2024-01-20"))))
        .containsExactly(
            new FieldError(
                "consent.givenBy", "the guardian consents only while the participant is a minor"));
  }

  @Test
  void minorsOwnConsentIsRefused() {
    assertThat(
            minorWith(
                b ->
                    b.put(
                        "consent",
                        Map.of("givenBy", "PARTICIPANT", "date", TODAY.minusDays(1).toString()))))
        .containsExactly(
            new FieldError("consent.givenBy", "a minor's consent is given by the guardian"));
  }

  @Test
  void participantIsAMinorUntilTheDayBeforeTheEighteenthBirthday() {
    LocalDate birth = LocalDate.of(2008, 5, 20);

    assertThat(ParticipantRules.minorOn(birth, LocalDate.of(2026, 5, 19))).isTrue();
    assertThat(ParticipantRules.minorOn(birth, LocalDate.of(2026, 5, 20))).isFalse();
  }

  @Test
  void bornOnTwentyNinthFebruaryComesOfAgeOnFirstMarchOfACommonYear() {
    LocalDate birth = LocalDate.of(2008, 2, 29);

    assertThat(ParticipantRules.minorOn(birth, LocalDate.of(2026, 2, 28))).isTrue();
    assertThat(ParticipantRules.minorOn(birth, LocalDate.of(2026, 3, 1))).isFalse();
  }

  private static LocalDate birth(Map<String, Object> body) {
    return LocalDate.parse((String) body.get("birthDate"));
  }
}
