package it.percorsi.placement.history;

import java.time.Instant;
import java.util.List;

/** One change in an audit trail: when, what kind, which fields, and by whom. */
public record HistoryEntry(Instant at, String action, List<String> fields, Actor by) {

  /** Who made the change: token subject, OAuth client and organisation. */
  public record Actor(String subject, String clientId, String orgId) {}
}
