package it.percorsi.dote.events;

import java.time.LocalDate;

/**
 * {@code it.percorsi.programme.published.v1}: a programme opened; carries the rules plan- and
 * placement-service need, so nobody asks dote-service for them.
 */
public record ProgrammePublished(
    String programmeCode,
    LocalDate applicationOpens,
    LocalDate applicationCloses,
    int totalDotes,
    int internshipMonths,
    int maxExtensionMonths,
    long monthlyAllowanceCents,
    int attendanceThresholdPercent,
    long hostContributionCents,
    String hostContributionOnInterruption,
    long promoterServicesCents,
    int clearanceToStartDays)
    implements ProgrammeEvent {

  public static final String TYPE = "it.percorsi.programme.published.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
