package it.percorsi.platform.clock;

import java.time.LocalDate;

/**
 * A daily job of a service (expiry of reservations, coming of age, due follow-ups). Scheduled, it
 * runs for today; when the sandbox clock moves forward it runs once for each day passed, in order,
 * before the move is acknowledged. A run for a day already done changes nothing.
 */
public interface BusinessDayJob {

  /** A short name for logs, e.g. {@code dote-expiry}. */
  String name();

  /** Does the day's work as of {@code day}. */
  void runFor(LocalDate day);
}
