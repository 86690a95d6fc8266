package it.percorsi.dote.support;

import io.quarkus.test.Mock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The service clock in tests: system time plus an offset that a test may move. */
public class TestClock {

  private static final String OFFSET = "test.clock.offset.seconds";

  /** Moves the clock forward by {@code d} (system property, shared across class loaders). */
  public static void advance(Duration d) {
    System.setProperty(OFFSET, String.valueOf(offsetSeconds() + d.getSeconds()));
  }

  public static void reset() {
    System.clearProperty(OFFSET);
  }

  static long offsetSeconds() {
    return Long.parseLong(System.getProperty(OFFSET, "0"));
  }

  @Produces
  @Singleton
  @Mock
  Clock clock() {
    ZoneId rome = ZoneId.of("Europe/Rome");
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return rome;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), Duration.ofSeconds(offsetSeconds()));
      }

      @Override
      public Instant instant() {
        return Instant.now().plusSeconds(offsetSeconds());
      }
    };
  }
}
