package it.percorsi.placement.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthPlanTest {

  /**
   * December 2026 from Monday the 7th, 25 hours a week. By hand: 7-11 Dec is 5 weekdays less the
   * Immaculate Conception (Tue 8) = 4; 14-18 = 5; 21-25 less Christmas (Fri 25) = 4; 28-31 = 4: 17
   * working days covered. The whole month adds Tue 1 to Fri 4 = 21. Planned: 25 / 5 = 5 hours a day
   * x 17 = 85 hours.
   */
  @Test
  void aMonthStartingMidMonthWithPublicHolidaysMatchesTheHandComputedFigure() {
    MonthPlan plan =
        MonthPlan.of(
                YearMonth.of(2026, 12), LocalDate.of(2026, 12, 7), LocalDate.of(2027, 6, 6), 25)
            .orElseThrow();
    assertThat(plan.coveredWorkingDays()).isEqualTo(17);
    assertThat(plan.monthWorkingDays()).isEqualTo(21);
    assertThat(plan.plannedHours()).isEqualTo(85);
    assertThat(plan.from()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(plan.to()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  /** 22 hours a week over 17 days is 74.8 hours: rounded half up to 75. */
  @Test
  void plannedHoursAreRoundedHalfUpToWholeHours() {
    assertThat(
            MonthPlan.of(
                    YearMonth.of(2026, 12), LocalDate.of(2026, 12, 7), LocalDate.of(2027, 6, 6), 22)
                .orElseThrow()
                .plannedHours())
        .isEqualTo(75);
  }

  /**
   * October 2026 with the new national holiday of 4 October on a Sunday; April 2027 with Easter.
   */
  @Test
  void aFullMonthCoversAllItsWorkingDays() {
    MonthPlan april =
        MonthPlan.of(YearMonth.of(2027, 4), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 7, 3), 20)
            .orElseThrow();
    // April 2027: 22 weekdays, less Easter Monday (29 March is in March; Easter is 28 March 2027)
    // and Liberation Day (Sun 25 April): 22 working days.
    assertThat(april.coveredWorkingDays()).isEqualTo(april.monthWorkingDays()).isEqualTo(22);
    assertThat(april.plannedHours()).isEqualTo(88);
  }

  @Test
  void theLastMonthEndsWithThePlannedEnd() {
    MonthPlan june =
        MonthPlan.of(YearMonth.of(2027, 6), LocalDate.of(2026, 12, 7), LocalDate.of(2027, 6, 6), 25)
            .orElseThrow();
    // 1-4 June 2027 (Tue-Fri) less Republic Day (Wed 2 June): 3 days.
    assertThat(june.coveredWorkingDays()).isEqualTo(3);
    assertThat(june.plannedHours()).isEqualTo(15);
  }

  @Test
  void aMonthOutsideTheInternshipHasNoPlan() {
    assertThat(
            MonthPlan.of(
                YearMonth.of(2026, 11), LocalDate.of(2026, 12, 7), LocalDate.of(2027, 6, 6), 25))
        .isEmpty();
  }

  @Test
  void stFrancisIsANationalHolidayFrom2026() {
    // 4 October 2027 is a Monday.
    assertThat(WorkingCalendar.isWorkingDay(LocalDate.of(2027, 10, 4))).isFalse();
    assertThat(WorkingCalendar.isWorkingDay(LocalDate.of(2027, 10, 5))).isTrue();
  }
}
