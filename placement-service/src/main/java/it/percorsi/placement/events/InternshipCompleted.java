package it.percorsi.placement.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.placement.internship-completed.v1}: an internship ended, either at its planned
 * end ({@code outcome} COMPLETED) or early (INTERRUPTED, with {@code interruptionReason}:
 * HIRED_BY_HOST, PARTICIPANT_WITHDREW, HOST_WITHDREW or OTHER). {@code completedOn} is the last
 * day.
 */
public record InternshipCompleted(
    UUID internshipId,
    UUID doteId,
    LocalDate completedOn,
    String outcome,
    String interruptionReason,
    LocalDate startDate)
    implements InternshipEvent {

  public static final String TYPE = "it.percorsi.placement.internship-completed.v1";
  public static final String TOPIC = PlacementEvent.TOPIC;

  @Override
  public String type() {
    return TYPE;
  }
}
