package it.percorsi.placement.events;

import java.util.UUID;

/**
 * {@code it.percorsi.placement.hire-cancelled.v1}: a hire no longer stands, because the UNILAV
 * notice that notified it was cancelled ({@link Reason#CANCELLED}) or corrected into another hire
 * ({@link Reason#CORRECTED}: a {@code hire-recorded} of the new hire follows). Whoever counted the
 * hire stops counting it. Keyed by the hire id, like the {@code hire-recorded} it undoes.
 */
public record HireCancelled(
    UUID hireId,
    UUID participantId,
    UUID internshipId,
    UUID doteId,
    Reason reason,
    String promoterOrgId,
    String provinceCode)
    implements PlacementEvent {

  public static final String TYPE = "it.percorsi.placement.hire-cancelled.v1";

  /** Why the hire no longer stands. */
  public enum Reason {
    /** The notice that notified it was cancelled. */
    CANCELLED,
    /** The notice that notified it was corrected, and the correction is another hire. */
    CORRECTED
  }

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
