package it.percorsi.platform.clock;

import it.percorsi.platform.events.DomainEvent;
import java.time.LocalDate;

/**
 * {@code it.percorsi.sandbox.clock-moved.v1}: the agency moved the sandbox business date to {@code
 * today}; every service applies it, runs its daily jobs for the days passed, and acknowledges.
 */
public record ClockMoved(String requestId, LocalDate today) implements DomainEvent {

  public static final String TYPE = "it.percorsi.sandbox.clock-moved.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return SandboxClock.AGGREGATE;
  }

  @Override
  public String aggregateType() {
    return "business-clock";
  }
}
