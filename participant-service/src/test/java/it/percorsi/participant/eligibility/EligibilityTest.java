package it.percorsi.participant.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.participant.eligibility.EligibilityResult.CriterionResult;
import it.percorsi.participant.participant.Codes.EmploymentStatus;
import it.percorsi.participant.participant.Fixtures;
import it.percorsi.participant.participant.Participant;
import it.percorsi.participant.participant.ParticipantData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EligibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final LocalDate AT = LocalDate.of(2027, 3, 1);

  /** Born 14 March 2005: 21 on 1 March 2027. */
  private static Participant participant(Map<String, Object> body) {
    return Participant.register(
            JSON.convertValue(body, ParticipantData.class),
            "19",
            "ORG-PROMOTER-A",
            Instant.parse("2026-11-27T10:00:00Z"),
            LocalDate.of(2026, 11, 27))
        .participant();
  }

  private static CriterionResult only(Participant p, EligibilityCriteria c) {
    return Eligibility.evaluate(p, c).criteria().get(0);
  }

  private static EligibilityCriteria ages(Integer min, Integer max) {
    return new EligibilityCriteria(AT, min, max, null, null, null, null, null);
  }

  @Test
  void ageWithinTheBoundsSatisfiesBoth() {
    EligibilityResult r = Eligibility.evaluate(participant(Fixtures.complete()), ages(16, 22));

    assertThat(r.eligible()).isTrue();
    assertThat(r.criteria())
        .extracting(CriterionResult::criterion)
        .containsExactly("minimumAge", "maximumAge");
  }

  @Test
  void olderThanTheMaximumAgeAtTheDateIsNotEligible() {
    CriterionResult r = only(participant(Fixtures.complete()), ages(null, 20));

    assertThat(r.satisfied()).isFalse();
    assertThat(r.reason()).isEqualTo("is older than 20 on 2027-03-01");
  }

  @Test
  void youngerThanTheMinimumAgeAtTheDateIsNotEligible() {
    CriterionResult r = only(participant(Fixtures.complete()), ages(22, null));

    assertThat(r.satisfied()).isFalse();
  }

  @Test
  void reasonsNeverStateTheAgeOrBirthDate() {
    EligibilityResult r = Eligibility.evaluate(participant(Fixtures.complete()), ages(16, 22));

    assertThat(r.criteria())
        .allSatisfy(c -> assertThat(c.reason()).doesNotContain("21").doesNotContain("2005"));
  }

  @Test
  void participantWhoDidNotEnterAsUnaccompaniedMinorFailsThatCriterion() {
    Map<String, Object> body = Fixtures.complete();
    body.put("enteredAsUnaccompaniedMinor", false);

    CriterionResult r =
        only(
            participant(body),
            new EligibilityCriteria(AT, null, null, true, null, null, null, null));

    assertThat(r.satisfied()).isFalse();
  }

  @Test
  void employedParticipantIsNotUnemployed() {
    Participant p = participant(Fixtures.complete());
    p.employmentStatus = EmploymentStatus.EMPLOYED;

    CriterionResult r =
        only(p, new EligibilityCriteria(AT, null, null, null, true, null, null, null));

    assertThat(r.satisfied()).isFalse();
    assertThat(r.reason()).isEqualTo("is employed");
  }

  @Test
  void unknownEmploymentStatusFailsClosed() {
    CriterionResult r =
        only(
            participant(Fixtures.body("083")),
            new EligibilityCriteria(AT, null, null, null, true, null, null, null));

    assertThat(r.satisfied()).isFalse();
  }

  @Test
  void permitExpiringBeforeTheDateIsNotValid() {
    Participant p = participant(Fixtures.complete());
    p.permitExpiryDate = AT.minusDays(1);

    CriterionResult r =
        only(p, new EligibilityCriteria(AT, null, null, null, null, true, null, null));

    assertThat(r.satisfied()).isFalse();
  }

  @Test
  void renewalReceiptMakesAnExpiredPermitValid() {
    Participant p = participant(Fixtures.complete());
    p.permitExpiryDate = AT.minusDays(1);
    p.permitRenewalReceiptDate = AT.minusDays(10);

    CriterionResult r =
        only(p, new EligibilityCriteria(AT, null, null, null, null, true, null, null));

    assertThat(r.satisfied()).isTrue();
  }

  @Test
  void missingServiceAgreementFailsTheDocumentsCriterion() {
    Participant p = participant(Fixtures.complete());
    p.serviceAgreementDate = null;

    CriterionResult r =
        only(p, new EligibilityCriteria(AT, null, null, null, null, null, true, null));

    assertThat(r.satisfied()).isFalse();
    assertThat(r.reason()).isEqualTo("no service agreement on record");
  }

  @Test
  void withdrawnConsentFailsTheConsentCriterion() {
    Participant p = participant(Fixtures.complete());
    p.withdrawConsent(LocalDate.of(2026, 11, 1), Instant.now());

    CriterionResult r =
        only(p, new EligibilityCriteria(AT, null, null, null, null, null, null, true));

    assertThat(r.satisfied()).isFalse();
    assertThat(r.reason()).isEqualTo("consent withdrawn");
  }

  @Test
  void oneFailingCriterionMakesTheParticipantIneligible() {
    Participant p = participant(Fixtures.complete());
    p.employmentStatus = EmploymentStatus.EMPLOYED;

    EligibilityResult r =
        Eligibility.evaluate(p, new EligibilityCriteria(AT, 16, 22, true, true, true, true, true));

    assertThat(r.eligible()).isFalse();
    assertThat(r.criteria()).hasSize(7);
  }
}
