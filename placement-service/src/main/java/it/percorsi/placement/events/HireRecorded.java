package it.percorsi.placement.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.placement.hire-recorded.v1}: a participant was hired, under a UNILAV contract
 * type. Keyed by the hire id. The employer is named by its id in the host registry when it is
 * registered there, never by tax code.
 */
public record HireRecorded(
    UUID hireId,
    UUID participantId,
    UUID internshipId,
    UUID doteId,
    UUID employerId,
    String contractType,
    String contractFamily,
    LocalDate startDate,
    LocalDate endDate,
    int weeklyHours,
    String atecoCode,
    String istatProfession,
    String promoterOrgId,
    String provinceCode)
    implements PlacementEvent {

  public static final String TYPE = "it.percorsi.placement.hire-recorded.v1";
  public static final String TOPIC = PlacementEvent.TOPIC;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return hireId.toString();
  }

  @Override
  public String aggregateType() {
    return "hire";
  }
}
