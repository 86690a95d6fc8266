package it.percorsi.dote.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.percorsi.dote.support.ProgrammeRequests;
import it.percorsi.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a programme that decide money and dates, as plain functions of its data. */
class ProgrammeTest {

  private static Programme programme(Programme.HostContributionOnInterruption host) {
    return ProgrammeRequests.draft(host);
  }

  @Test
  void attendanceAtSeventyPercentMeetsTheThresholdAndBelowDoesNot() {
    Programme p = programme(null);
    assertThat(p.attendanceMet(100, 70)).isTrue();
    assertThat(p.attendanceMet(100, 69)).isFalse();
    assertThat(p.attendanceMet(87, 61)).isTrue(); // 70.1 %
    assertThat(p.attendanceMet(87, 60)).isFalse(); // 68.9 %
    assertThat(p.attendanceMet(0, 0)).isFalse();
  }

  @Test
  void aPartMonthPaysInProportionRoundedToTheCent() {
    Programme p = programme(null);
    assertThat(p.allowanceFor(20, 20)).isEqualTo(50000);
    assertThat(p.allowanceFor(10, 20)).isEqualTo(25000);
    assertThat(p.allowanceFor(7, 22)).isEqualTo(15909); // 159.0909 €
    assertThat(p.allowanceFor(1, 3)).isEqualTo(16667); // 166.666 € rounds up
    assertThat(p.allowanceFor(0, 0)).isEqualTo(50000); // no calendar given: a whole month
  }

  @Test
  void theHostIsPaidInFullForACompletedInternshipAndByTheRuleAfterAnInterruption() {
    assertThat(programme(null).hostContributionFor(true, 6, 6)).isEqualTo(60000);
    assertThat(programme(null).hostContributionFor(false, 3, 6)).isZero();
    Programme proRata = programme(Programme.HostContributionOnInterruption.PRO_RATA);
    assertThat(proRata.hostContributionFor(false, 3, 6)).isEqualTo(30000);
    assertThat(proRata.hostContributionFor(false, 9, 6)).isEqualTo(60000);
  }

  @Test
  void thePlannedStartMustFallBetweenTodayAndTheStartDeadline() {
    Programme p = programme(null);
    LocalDate today = LocalDate.of(2027, 3, 1);
    p.requirePlannedStart(today, today);
    p.requirePlannedStart(today.plusDays(60), today);
    assertThatThrownBy(() -> p.requirePlannedStart(today.minusDays(1), today))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> p.requirePlannedStart(today.plusDays(61), today))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void placesSummingPastTwoToTheThirtyOneDoNotWrapAroundToTheTotal() {
    var quotas =
        List.of(
            new ProgrammeRequest.Quota("19", Integer.MAX_VALUE),
            new ProgrammeRequest.Quota("15", Integer.MAX_VALUE),
            new ProgrammeRequest.Quota("16", 2));
    // As ints the places would add up to 0.
    assertThatThrownBy(() -> Programme.define(ProgrammeRequests.request(null, quotas, 0)))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("add up to 4294967296");
  }
}
