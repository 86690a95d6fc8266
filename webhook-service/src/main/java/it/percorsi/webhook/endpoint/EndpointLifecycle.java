package it.percorsi.webhook.endpoint;

import it.percorsi.platform.outbox.Outbox;
import it.percorsi.webhook.events.EndpointDisabled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** State changes of an endpoint made by the delivery itself (not by its owner). */
@ApplicationScoped
public class EndpointLifecycle {

  private static final Logger LOG = Logger.getLogger(EndpointLifecycle.class);

  private final Endpoints endpoints;
  private final Outbox outbox;

  public EndpointLifecycle(Endpoints endpoints, Outbox outbox) {
    this.endpoints = endpoints;
    this.outbox = outbox;
  }

  /**
   * Disables the endpoint (410 Gone, or failing for too long) and tells its owner with {@code
   * it.percorsi.webhook-endpoint.disabled.v1}; the owner resumes it.
   */
  public void disable(Endpoint e, String reason, Instant now, Instant failingSince) {
    endpoints.setState(e.id(), Endpoint.DISABLED, reason, now);
    outbox.append(
        EndpointDisabled.TOPIC,
        new EndpointDisabled(
            e.id(),
            e.ownerOrgId(),
            reason,
            now,
            Endpoint.FAILING.equals(reason) ? failingSince : null));
    LOG.infof("Webhook endpoint %s of %s disabled: %s", e.id(), e.ownerOrgId(), reason);
  }
}
