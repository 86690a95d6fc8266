package it.percorsi.participant.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code it.percorsi.participant.updated.v1}: a participant's record changed. Names the changed
 * fields (never their values) and repeats the non-identifying facts other services keep, as they
 * are now.
 *
 * @param changedFields JSON paths of the changed fields, e.g. {@code permit.expiryDate}
 * @param minor whether the participant is under 18 today (never the birth date)
 */
public record ParticipantUpdated(
    UUID participantId,
    List<String> changedFields,
    String regionCode,
    String provinceCode,
    String nationality,
    boolean enteredAsUnaccompaniedMinor,
    String employmentStatus,
    boolean consentGiven,
    boolean minor)
    implements ParticipantEvent {

  public static final String TYPE = "it.percorsi.participant.updated.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
