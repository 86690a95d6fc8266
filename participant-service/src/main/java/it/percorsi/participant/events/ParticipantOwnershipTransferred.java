package it.percorsi.participant.events;

import java.util.UUID;

/**
 * {@code it.percorsi.participant.ownership-transferred.v1}: the agency moved the case to another
 * organisation, which now owns it.
 */
public record ParticipantOwnershipTransferred(UUID participantId, String fromOrgId, String toOrgId)
    implements ParticipantEvent {

  public static final String TYPE = "it.percorsi.participant.ownership-transferred.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
