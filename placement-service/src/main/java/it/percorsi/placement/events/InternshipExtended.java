package it.percorsi.placement.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.placement.internship-extended.v1}: the dote was extended ("dote plus") and the
 * running internship lengthened by {@code addedMonths}, to end on {@code plannedEndDate}.
 */
public record InternshipExtended(
    UUID internshipId, UUID doteId, int addedMonths, LocalDate plannedEndDate)
    implements InternshipEvent {

  public static final String TYPE = "it.percorsi.placement.internship-extended.v1";
  public static final String TOPIC = PlacementEvent.TOPIC;

  @Override
  public String type() {
    return TYPE;
  }
}
