package it.percorsi.webhook.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** State changes of an endpoint made by the delivery itself (not by its owner). */
@ApplicationScoped
public class EndpointLifecycle {

  private static final Logger LOG = Logger.getLogger(EndpointLifecycle.class);

  private final Endpoints endpoints;

  public EndpointLifecycle(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** Disables the endpoint (410 Gone, or failing for too long); its owner resumes it. */
  public void disable(Endpoint e, String reason, Instant now) {
    endpoints.setState(e.id(), Endpoint.DISABLED, reason, now);
    LOG.infof("Webhook endpoint %s of %s disabled: %s", e.id(), e.ownerOrgId(), reason);
  }
}
