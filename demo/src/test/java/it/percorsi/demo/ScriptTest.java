package it.percorsi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.demo.Script.Case;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScriptTest {

  static final LocalDate T0 = PopulationTest.TODAY;
  static final List<Case> CASES =
      Script.cases(2026, T0, PopulationTest.PEOPLE, Hosts.generate(2026));

  @Test
  void theSameSeedGivesTheSameScript() {
    List<Case> again = Script.cases(2026, T0, Population.generate(2026, T0), Hosts.generate(2026));
    for (int i = 0; i < CASES.size(); i++) {
      assertThat(again.get(i).plannedStart()).isEqualTo(CASES.get(i).plannedStart());
      assertThat(again.get(i).hire()).isEqualTo(CASES.get(i).hire());
      assertThat(again.get(i).attendance()).isEqualTo(CASES.get(i).attendance());
    }
  }

  @Test
  void startsFallWithinTheClearanceWindowOnWorkingDays() {
    for (Case c : CASES) {
      assertThat(c.plannedStart())
          .isAfter(T0)
          .isBeforeOrEqualTo(T0.plusDays(Script.clearanceDays(c.programme())));
      assertThat(
              Calendar.working(c.plannedStart()) || c.plannedStart().getDayOfWeek().getValue() < 6)
          .isTrue();
    }
  }

  @Test
  void interruptionsEndBeforeThePlannedEndAndOnlyTheSouthExtends() {
    for (Case c : CASES) {
      if (c.interruption() != null) {
        assertThat(c.lastDay()).isAfter(c.plannedStart()).isBefore(c.plannedEnd());
        assertThat(c.extensionMonths()).isZero();
      }
      if (c.extensionMonths() > 0) {
        assertThat(c.programme()).isEqualTo(Script.SOUTH);
      }
    }
    assertThat(CASES.stream().map(Case::interruption).collect(Collectors.toSet()))
        .contains("PARTICIPANT_WITHDREW", "HOST_WITHDREW", "HIRED_BY_HOST", "OTHER");
  }

  @Test
  void hiresCoverEveryContractFamilyAndStartAfterTheInternship() {
    Set<String> types =
        CASES.stream()
            .filter(c -> c.hire() != null)
            .map(c -> c.hire().contractType())
            .collect(Collectors.toSet());
    // PERMANENT, FIXED_TERM, APPRENTICESHIP, OTHER, INTERNSHIP
    assertThat(types).contains("A.01.00", "A.02.00", "A.03.09", "A.07.02", "C.01.00");
    for (Case c : CASES) {
      if (c.hire() != null) {
        assertThat(c.hire().start()).isAfter(c.end());
        if (c.hire().end() != null) {
          assertThat(c.hire().end()).isAfter(c.hire().start());
        }
      }
    }
  }

  @Test
  void attendanceHasRealisticAbsencesSomeMonthsBelowSeventyPercent() {
    long below =
        CASES.stream()
            .flatMapToDouble(c -> java.util.Arrays.stream(c.attendance()))
            .filter(a -> a < 0.70)
            .count();
    long all = CASES.size() * 13L;
    assertThat(below).isBetween(all / 50, all / 5);
  }

  @Test
  void theCalendarKnowsEasterMondayAndWeekends() {
    assertThat(Calendar.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    assertThat(Calendar.working(LocalDate.of(2027, 3, 29))).isFalse();
    // March 2027: 23 weekdays, Easter Monday off -> 22 days at 25 h/week = 110 h.
    assertThat(
            Calendar.plannedHours(
                25, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), YearMonth.of(2027, 3)))
        .isEqualTo(110);
  }
}
