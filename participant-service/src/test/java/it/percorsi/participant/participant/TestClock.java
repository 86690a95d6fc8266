package it.percorsi.participant.participant;

import it.percorsi.platform.ClockProducer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The clock of the service under test: the real time in Europe/Rome, which a test may move to
 * another day (and must move back). Replaces the platform's default clock bean in tests.
 */
@Singleton
public class TestClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves "now" to the same time of day on {@code day}. */
  public void moveTo(LocalDate day) {
    offset = Duration.ofDays(day.toEpochDay() - LocalDate.now(ClockProducer.ROME).toEpochDay());
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return ClockProducer.ROME;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
