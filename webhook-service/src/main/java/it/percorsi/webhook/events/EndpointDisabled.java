package it.percorsi.webhook.events;

import it.percorsi.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code it.percorsi.webhook-endpoint.disabled.v1} on {@code percorsi.webhooks.v1}: the platform
 * disabled an endpoint (410 Gone, or failing for days); its owner resumes it.
 *
 * @param reason GONE or FAILING
 * @param failingSince since when it failed without a success (FAILING only)
 */
public record EndpointDisabled(
    UUID endpointId, String ownerOrgId, String reason, Instant disabledAt, Instant failingSince)
    implements DomainEvent {

  public static final String TOPIC = "percorsi.webhooks.v1";
  public static final String TYPE = "it.percorsi.webhook-endpoint.disabled.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String aggregateId() {
    return endpointId.toString();
  }

  @Override
  public String aggregateType() {
    return "webhook-endpoint";
  }
}
