package it.percorsi.webhook.endpoint;

import it.percorsi.platform.caller.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's webhook endpoint: where to, which event types, in which state, and who registered it
 * (organisation, roles and CPI provinces as in the registering token: the events it receives are
 * filtered with them).
 */
public record Endpoint(
    UUID id,
    String ownerOrgId,
    Set<String> ownerRoles,
    Set<String> ownerProvinces,
    String url,
    String description,
    List<String> eventTypes,
    String state,
    String disabledReason,
    Instant disabledAt,
    Instant failingSince,
    Instant createdAt,
    long version) {

  public static final String ACTIVE = "ACTIVE";
  public static final String PAUSED = "PAUSED";
  public static final String DISABLED = "DISABLED";

  /** Disabled because the endpoint answered 410 Gone. */
  public static final String GONE = "GONE";

  /** Disabled because every attempt failed for longer than allowed. */
  public static final String FAILING = "FAILING";

  /** The endpoint's owner as a caller, for the platform's access policy. */
  public Caller owner() {
    return new Caller(null, null, ownerOrgId, ownerRoles, ownerProvinces);
  }

  public boolean wants(String eventType) {
    return eventTypes.contains(eventType);
  }

  public String etag() {
    return "\"" + version + "\"";
  }
}
