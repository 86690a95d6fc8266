package it.percorsi.testkit;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The clock of a service under test: the real time in Europe/Rome, which a test may move to another
 * day (and must move back). As a bean it replaces the platform's default clock in every
 * {@code @QuarkusTest}; the offset lives in a system property so that every class loader of the
 * test JVM sees the same "now".
 */
@Singleton
public class TestClock extends Clock {

  /** Business dates are Italian dates. */
  public static final ZoneId ROME = ZoneId.of("Europe/Rome");

  private static final String OFFSET = "percorsi.testkit.clock.offset.seconds";

  /** Moves "now" to the same time of day on {@code day}. */
  public void moveTo(LocalDate day) {
    long days = day.toEpochDay() - LocalDate.now(ROME).toEpochDay();
    System.setProperty(OFFSET, String.valueOf(Duration.ofDays(days).getSeconds()));
  }

  /** Moves "now" forward by {@code d}. */
  public void advance(Duration d) {
    System.setProperty(OFFSET, String.valueOf(offset().plus(d).getSeconds()));
  }

  /** Back to the real time. */
  public void reset() {
    System.clearProperty(OFFSET);
  }

  /** The business date this clock shows. */
  public LocalDate today() {
    return LocalDate.now(this);
  }

  private static Duration offset() {
    return Duration.ofSeconds(Long.parseLong(System.getProperty(OFFSET, "0")));
  }

  @Override
  public ZoneId getZone() {
    return ROME;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset());
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset());
  }
}
