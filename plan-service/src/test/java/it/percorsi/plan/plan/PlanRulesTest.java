package it.percorsi.plan.plan;

import static it.percorsi.plan.plan.PlanFixtures.ASSIGNED;
import static it.percorsi.plan.plan.PlanFixtures.DEADLINE;
import static it.percorsi.plan.plan.PlanFixtures.activity;
import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.platform.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

  private static final LocalDate TODAY = ASSIGNED.plusDays(10);

  private static List<String> fields(PlanContent content, boolean minor) {
    return errors(content, minor).stream().map(FieldError::field).toList();
  }

  private static List<FieldError> errors(PlanContent content, boolean minor) {
    return PlanRules.completeness(
        content, PlanFixtures.dote(), PlanFixtures.catalogue(), minor, TODAY);
  }

  @Test
  void completePlanOfAnAdultHasNoErrors() {
    assertThat(errors(PlanFixtures.complete(), false)).isEmpty();
  }

  @Test
  void emptyDraftNamesEveryMissingPiece() {
    assertThat(fields(PlanContent.empty(), true))
        .containsExactlyInAnyOrder(
            "objectives",
            "activities",
            "internship",
            "signatures.participantAcceptedOn",
            "signatures.guardianSignedOn");
  }

  @Test
  void activityWithoutItsPartsNamesEachOfThem() {
    PlanContent c =
        PlanFixtures.withActivities(
            PlanFixtures.complete(),
            List.of(new PlanContent.Activity(null, null, null, null, null, null, null, null)));

    assertThat(fields(c, false))
        .containsExactlyInAnyOrder(
            "activities[0].serviceCode",
            "activities[0].provider",
            "activities[0].plannedHours",
            "activities[0].from",
            "activities[0].to");
  }

  @Test
  void unknownServiceIsRefused() {
    PlanContent c =
        PlanFixtures.withActivities(PlanFixtures.complete(), List.of(activity("JUGGLING", 3)));

    assertThat(fields(c, false)).containsExactly("activities[0].serviceCode");
  }

  @Test
  void activityOutsideTheDotesPeriodIsRefused() {
    PlanContent.Activity before =
        new PlanContent.Activity(
            null,
            "SPECIALIST_ORIENTATION",
            "ORG-PROMOTER-A",
            4,
            ASSIGNED.minusDays(1),
            ASSIGNED.plusDays(3),
            null,
            null);
    // The period ends at the start deadline plus the 6 internship months: 28 Aug 2027.
    PlanContent.Activity after =
        new PlanContent.Activity(
            null,
            "INTERNSHIP_TUTORING",
            "ORG-PROMOTER-A",
            4,
            DEADLINE,
            LocalDate.of(2027, 8, 29),
            null,
            null);
    PlanContent c = PlanFixtures.withActivities(PlanFixtures.complete(), List.of(before, after));

    List<FieldError> errors = errors(c, false);

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("activities[0].from", "activities[1].to");
    assertThat(errors.get(0).message()).contains("2026-12-01 to 2027-08-28");
  }

  @Test
  void extensionMonthsLengthenThePeriod() {
    DoteTerms extended = new DoteTerms(null, ASSIGNED, DEADLINE, 6, 3, 200_000);

    assertThat(extended.periodEnd()).isEqualTo(LocalDate.of(2027, 11, 28));
    assertThat(extended.covers(LocalDate.of(2027, 11, 28))).isTrue();
    assertThat(extended.covers(LocalDate.of(2027, 11, 29))).isFalse();
  }

  @Test
  void activityEndingBeforeItStartsIsRefused() {
    PlanContent.Activity backwards =
        new PlanContent.Activity(
            null,
            "SPECIALIST_ORIENTATION",
            "ORG-PROMOTER-A",
            4,
            ASSIGNED.plusDays(9),
            ASSIGNED.plusDays(2),
            null,
            null);

    assertThat(
            fields(PlanFixtures.withActivities(PlanFixtures.complete(), List.of(backwards)), false))
        .containsExactly("activities[0].to");
  }

  @Test
  void hoursOfOneServiceOverTheCatalogueLimitAreRefusedAcrossActivities() {
    PlanContent c =
        PlanFixtures.withActivities(
            PlanFixtures.complete(),
            List.of(activity("SPECIALIST_ORIENTATION", 10), activity("SPECIALIST_ORIENTATION", 7)));

    List<FieldError> errors = errors(c, false);

    assertThat(errors).extracting(FieldError::field).containsExactly("activities[0].plannedHours");
    assertThat(errors.get(0).message()).contains("17 planned in all").contains("at most 16");
  }

  @Test
  void hoursAtTheCatalogueLimitPass() {
    PlanContent c =
        PlanFixtures.withActivities(
            PlanFixtures.complete(), List.of(activity("SPECIALIST_ORIENTATION", 16)));

    assertThat(errors(c, false)).isEmpty();
  }

  @Test
  void promoterServicesOverTheDotesBudgetAreRefused() {
    DoteTerms small = new DoteTerms(null, ASSIGNED, DEADLINE, 6, 0, 100_000);
    // 12 h × 35 + 20 h × 30 = 1,020 euro against a 1,000 euro budget.
    List<FieldError> errors =
        PlanRules.completeness(
            PlanFixtures.complete(), small, PlanFixtures.catalogue(), false, TODAY);

    assertThat(errors).extracting(FieldError::field).containsExactly("activities");
    assertThat(errors.get(0).message()).contains("102000").contains("100000");
  }

  @Test
  void promoterServicesExactlyAtTheBudgetPass() {
    DoteTerms exact = new DoteTerms(null, ASSIGNED, DEADLINE, 6, 0, 102_000);

    assertThat(
            PlanRules.completeness(
                PlanFixtures.complete(), exact, PlanFixtures.catalogue(), false, TODAY))
        .isEmpty();
  }

  @Test
  void internshipStartAfterTheDeadlineIsRefused() {
    PlanContent c =
        PlanFixtures.withInternship(
            PlanFixtures.complete(), new PlanContent.Internship(null, DEADLINE.plusDays(1), 25));

    assertThat(fields(c, false)).containsExactly("internship.plannedStart");
  }

  @Test
  void internshipStartOnTheDeadlinePasses() {
    PlanContent c =
        PlanFixtures.withInternship(
            PlanFixtures.complete(), new PlanContent.Internship(null, DEADLINE, 25));

    assertThat(errors(c, false)).isEmpty();
  }

  @Test
  void weeklyHoursOutside20To30AreRefused() {
    for (int hours : new int[] {19, 31}) {
      PlanContent c =
          PlanFixtures.withInternship(
              PlanFixtures.complete(), new PlanContent.Internship(null, DEADLINE, hours));
      assertThat(fields(c, false)).as(hours + " h").containsExactly("internship.weeklyHours");
    }
    for (int hours : new int[] {20, 30}) {
      PlanContent c =
          PlanFixtures.withInternship(
              PlanFixtures.complete(), new PlanContent.Internship(null, DEADLINE, hours));
      assertThat(errors(c, false)).as(hours + " h").isEmpty();
    }
  }

  @Test
  void minorNeedsTheGuardiansSignatureAndAnAdultDoesNot() {
    assertThat(fields(PlanFixtures.complete(), true))
        .containsExactly("signatures.guardianSignedOn");
    PlanContent signed =
        PlanFixtures.withSignatures(
            PlanFixtures.complete(),
            new PlanContent.Signatures(ASSIGNED.plusDays(3), ASSIGNED.plusDays(4)));
    assertThat(errors(signed, true)).isEmpty();
  }

  @Test
  void signatureInTheFutureIsRefused() {
    PlanContent c =
        PlanFixtures.withSignatures(
            PlanFixtures.complete(), new PlanContent.Signatures(TODAY.plusDays(1), null));

    assertThat(fields(c, false)).containsExactly("signatures.participantAcceptedOn");
  }
}
