package it.percorsi.platform.clock;

import it.percorsi.platform.events.DomainEvent;
import java.time.LocalDate;

/**
 * {@code it.percorsi.sandbox.clock-applied.v1}: {@code service} now runs on {@code today} and its
 * daily jobs have run for every day up to it.
 */
public record ClockApplied(String requestId, String service, LocalDate today)
    implements DomainEvent {

  public static final String TYPE = "it.percorsi.sandbox.clock-applied.v1";

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
