package it.percorsi.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.participant.events.ParticipantUpdated;
import it.percorsi.platform.problem.ProblemException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The aggregate's rules and events, without a database. */
class ParticipantTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  static Participant registered(Map<String, Object> body) {
    ParticipantData d = JSON.convertValue(body, ParticipantData.class).normalised("19");
    return Participant.register(d, "19", "ORG-PROMOTER-A", NOW, TODAY).participant();
  }

  private static Participant minorTurning18On(LocalDate birthday) {
    return registered(Fixtures.minorBornOn(birthday.minusYears(18), "083"));
  }

  @Test
  void registrationEventCarriesNoPersonalData() throws Exception {
    Map<String, Object> body = Fixtures.complete();
    var reg =
        Participant.register(
            JSON.convertValue(body, ParticipantData.class), "19", "ORG-PROMOTER-A", NOW, TODAY);

    String json = JSON.writeValueAsString(reg.event());

    assertThat(json)
        .doesNotContain((String) body.get("taxCode"))
        .doesNotContain("Amadou")
        .doesNotContain("Diallo")
        .doesNotContain((String) body.get("birthDate"));
    assertThat(reg.event().consentGiven()).isTrue();
    assertThat(reg.event().employmentStatus()).isEqualTo("UNEMPLOYED");
  }

  @Test
  void minorRegisteredIsDueToComeOfAge() {
    assertThat(registered(Fixtures.minor("083")).cameOfAgeDue).isTrue();
  }

  @Test
  void adultRegisteredIsNeverDueToComeOfAge() {
    assertThat(registered(Fixtures.complete()).cameOfAgeDue).isFalse();
  }

  @Test
  void minorComesOfAgeOnTheEighteenthBirthdayLosingTheGuardian() {
    LocalDate birthday = TODAY.plusDays(3);
    Participant p = minorTurning18On(birthday);

    assertThat(p.comeOfAge(birthday, NOW)).isPresent();
    assertThat(p.guardianName).isNull();
    assertThat(p.cameOfAgeDue).isFalse();
  }

  @Test
  void minorDoesNotComeOfAgeTheDayBeforeTheBirthday() {
    LocalDate birthday = TODAY.plusDays(3);
    Participant p = minorTurning18On(birthday);

    assertThat(p.comeOfAge(birthday.minusDays(1), NOW)).isEmpty();
    assertThat(p.guardianName).isNotNull();
  }

  @Test
  void comingOfAgeIsAnnouncedOnce() {
    LocalDate birthday = TODAY.plusDays(3);
    Participant p = minorTurning18On(birthday);
    p.comeOfAge(birthday, NOW);

    assertThat(p.comeOfAge(birthday.plusDays(1), NOW)).isEmpty();
  }

  @Test
  void revisionWithoutChangeCausesNoEvent() {
    Participant p = registered(Fixtures.complete());

    assertThat(p.revise(p.data(), NOW, TODAY)).isEmpty();
  }

  @Test
  void revisionNamesTheChangedFieldsDownToNestedOnes() {
    Participant p = registered(Fixtures.complete());
    ParticipantData d = p.data();
    ParticipantData next =
        JSON.convertValue(
            MergePatch.apply(
                JSON.valueToTree(d),
                JSON.valueToTree(
                    Map.of(
                        "employmentStatus",
                        "EMPLOYED",
                        "permit",
                        Map.of("expiryDate", "2030-01-01")))),
            ParticipantData.class);

    Optional<ParticipantUpdated> event = p.revise(next, NOW, TODAY);

    assertThat(event.orElseThrow().changedFields())
        .containsExactlyInAnyOrder("employmentStatus", "permit.expiryDate");
    assertThat(event.get().employmentStatus()).isEqualTo("EMPLOYED");
  }

  @Test
  void withdrawingConsentThatIsNotInForceIsAConflict() {
    Participant p = registered(Fixtures.body("083"));

    assertThatThrownBy(() -> p.withdrawConsent(TODAY, NOW))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().getStatus()).isEqualTo(409));
  }

  @Test
  void withdrawnConsentIsNoLongerInForce() {
    Participant p = registered(Fixtures.complete());

    p.withdrawConsent(TODAY, NOW);

    assertThat(p.consentGiven()).isFalse();
    assertThat(p.data().consent()).isNull();
  }

  @Test
  void transferToTheOwningOrganisationIsRefused() {
    Participant p = registered(Fixtures.complete());

    assertThatThrownBy(() -> p.transferTo("ORG-PROMOTER-A", NOW))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void erasureEmptiesEveryPersonalField() throws Exception {
    Participant p = registered(Fixtures.complete());

    p.erase(NOW, TODAY);

    for (String name :
        List.of(
            "taxCode",
            "givenName",
            "familyName",
            "sex",
            "birthDate",
            "birthCountry",
            "arrivalDate",
            "firstReceptionDate",
            "receptionType",
            "permitKind",
            "permitNumber",
            "permitExpiryDate",
            "permitRenewalReceiptDate",
            "guardianName",
            "guardianCourt",
            "guardianAppointmentDate",
            "municipalityCode",
            "yearsOfSchooling",
            "italianLevel",
            "languages")) {
      Field f = Participant.class.getField(name);
      assertThat(f.get(p)).as(name).isNull();
    }
    assertThat(p.provinceCode).isEqualTo("083");
    assertThat(p.consentGiven()).isTrue();
  }

  @Test
  void erasureIsAnnouncedOnce() {
    Participant p = registered(Fixtures.complete());
    p.erase(NOW, TODAY);

    assertThat(p.erase(NOW, TODAY)).isEmpty();
  }

  @Test
  void erasedParticipantCannotBeRevised() {
    Participant p = registered(Fixtures.complete());
    ParticipantData d = p.data();
    p.erase(NOW, TODAY);

    assertThatThrownBy(() -> p.revise(d, NOW, TODAY)).isInstanceOf(ProblemException.class);
  }
}
