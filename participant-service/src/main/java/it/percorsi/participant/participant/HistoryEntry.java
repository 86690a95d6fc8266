package it.percorsi.participant.participant;

import java.time.Instant;
import java.util.List;

/** One change in a participant's audit trail: when, what kind, which fields, and by whom. */
public record HistoryEntry(Instant at, String action, List<String> fields, Actor by) {

  /** Who made the change: token subject, OAuth client and organisation. */
  public record Actor(String subject, String clientId, String orgId) {}

  static HistoryEntry of(ParticipantHistory h) {
    return new HistoryEntry(
        h.occurredAt,
        h.action,
        h.fieldList(),
        new Actor(h.actorSubject, h.actorClient, h.actorOrg));
  }
}
