package it.percorsi.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

  private static LocalDate wallToday() {
    return LocalDate.now(Clock.system(BusinessClock.ROME));
  }

  @Test
  void withoutAMoveTheBusinessDateIsTheWallClockDateInRome() {
    BusinessClock clock = new BusinessClock();
    assertThat(clock.today()).isEqualTo(wallToday());
    assertThat(clock.offsetDays()).isZero();
  }

  @Test
  void aMovedClockKeepsRunningFromTheNewDate() {
    BusinessClock clock = new BusinessClock();
    LocalDate target = wallToday().plusDays(400);
    clock.moveTo(target);
    assertThat(clock.today()).isEqualTo(target);
    assertThat(clock.offsetDays()).isEqualTo(400);
    assertThat(LocalDate.now(clock.withZone(BusinessClock.ROME))).isEqualTo(target);
  }

  @Test
  void aRestoredOffsetGivesTheSameDateAfterARestart() {
    BusinessClock clock = new BusinessClock();
    clock.restore(61);
    assertThat(clock.today()).isEqualTo(wallToday().plusDays(61));
  }
}
