package it.percorsi.placement.events;

import java.util.UUID;

/**
 * {@code it.percorsi.placement.attendance-recorded.v1}: a month of attendance, confirmed by both
 * parties. {@code plannedHours} come from the calendar (weekly hours over the working days the
 * internship covers in the month, without Italian public holidays); {@code coveredWorkingDays} /
 * {@code monthWorkingDays} is the share of the month the internship covered; {@code revision} is 1
 * for the first report of a month.
 */
public record AttendanceRecorded(
    UUID internshipId,
    UUID doteId,
    String month,
    int plannedHours,
    int attendedHours,
    int coveredWorkingDays,
    int monthWorkingDays,
    int revision)
    implements InternshipEvent {

  public static final String TYPE = "it.percorsi.placement.attendance-recorded.v1";
  public static final String TOPIC = PlacementEvent.TOPIC;

  @Override
  public String type() {
    return TYPE;
  }
}
