package it.percorsi.platform.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's one business clock: Europe/Rome, the wall clock moved forward by a whole number of
 * days. The offset is zero in production; in sandbox mode the agency moves it forward for the whole
 * platform ({@link SandboxClock}), as payment platforms offer test clocks, so that a year-long case
 * runs in minutes. Every rule that reads "today" reads it from this clock (it is the {@link Clock}
 * bean every service injects).
 */
@ApplicationScoped
@Typed(BusinessClock.class)
public class BusinessClock extends Clock {

  public static final ZoneId ROME = ZoneId.of("Europe/Rome");

  private volatile long offsetDays;

  /** Today in Europe/Rome. */
  public LocalDate today() {
    return LocalDate.now(this);
  }

  /** The days this clock runs ahead of the wall clock. */
  public long offsetDays() {
    return offsetDays;
  }

  /** Moves today to {@code day}; the clock keeps running from there, a day per wall-clock day. */
  void moveTo(LocalDate day) {
    offsetDays = day.toEpochDay() - LocalDate.now(Clock.system(ROME)).toEpochDay();
  }

  void restore(long days) {
    offsetDays = days;
  }

  @Override
  public ZoneId getZone() {
    return ROME;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), Duration.ofDays(offsetDays));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(Duration.ofDays(offsetDays));
  }
}
