package it.percorsi.placement.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.placement.follow-up-recorded.v1}: the employment status of a former intern at
 * a checkpoint ({@code months} = 1, 3, 6 or 12 after the internship ended), derived from a known
 * hire ({@code source} HIRE) or recorded by the promoter (PROMOTER).
 */
public record FollowUpRecorded(
    UUID internshipId,
    UUID doteId,
    UUID participantId,
    int months,
    LocalDate dueOn,
    boolean employed,
    String contractType,
    String contractFamily,
    UUID hireId,
    String source)
    implements InternshipEvent {

  public static final String TYPE = "it.percorsi.placement.follow-up-recorded.v1";
  public static final String TOPIC = PlacementEvent.TOPIC;

  @Override
  public String type() {
    return TYPE;
  }
}
