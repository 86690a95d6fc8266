package it.percorsi.placement.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.placement.internship-started.v1}: an internship started at a host.
 * dote-service takes {@code startDate}..{@code plannedEndDate} as the period in which attendance
 * may be paid.
 */
public record InternshipStarted(
    UUID internshipId,
    UUID doteId,
    UUID participantId,
    UUID employerId,
    String promoterOrgId,
    String provinceCode,
    LocalDate startDate,
    LocalDate plannedEndDate,
    int weeklyHours)
    implements InternshipEvent {

  public static final String TYPE = "it.percorsi.placement.internship-started.v1";
  public static final String TOPIC = PlacementEvent.TOPIC;

  @Override
  public String type() {
    return TYPE;
  }
}
