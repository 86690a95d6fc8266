package it.percorsi.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcRequestFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every request the gateway's OIDC layer sends to Keycloak (discovery, keys, and anything
 * else), as the metric {@code percorsi_gateway_keycloak_calls_total} tagged with the endpoint. The
 * goal is that it does not grow with traffic: tokens are verified against cached keys.
 */
@ApplicationScoped
@Unremovable
public class KeycloakCalls implements OidcRequestFilter {

  private final MeterRegistry registry;
  private final AtomicLong total = new AtomicLong();

  public KeycloakCalls(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void filter(OidcRequestContext rc) {
    String uri = rc.request().uri();
    String endpoint = uri.substring(uri.lastIndexOf('/') + 1);
    int query = endpoint.indexOf('?');
    registry
        .counter(
            "percorsi.gateway.keycloak.calls",
            "endpoint",
            query < 0 ? endpoint : endpoint.substring(0, query))
        .increment();
    total.incrementAndGet();
  }

  long total() {
    return total.get();
  }
}
