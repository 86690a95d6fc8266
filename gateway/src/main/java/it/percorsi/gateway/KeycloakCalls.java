package it.percorsi.gateway;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcRequestFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every request the gateway's OIDC layer sends to Keycloak (discovery, keys, and anything
 * else), as the metric {@code percorsi_gateway_keycloak_calls_total} tagged with the endpoint. The
 * goal is that it does not grow with traffic: tokens are verified against cached keys. The counts
 * live here and the metric reads them, so the calls made at startup, before the metrics registry is
 * complete, are not lost.
 */
@ApplicationScoped
@Unremovable
public class KeycloakCalls implements OidcRequestFilter {

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, AtomicLong> byEndpoint = new ConcurrentHashMap<>();

  public KeycloakCalls(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void filter(OidcRequestContext rc) {
    String uri = rc.request().uri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    String endpoint = path.substring(path.lastIndexOf('/') + 1);
    byEndpoint.computeIfAbsent(endpoint, this::register).incrementAndGet();
  }

  private AtomicLong register(String endpoint) {
    AtomicLong count = new AtomicLong();
    FunctionCounter.builder("percorsi.gateway.keycloak.calls", count, AtomicLong::get)
        .description("Requests the gateway sent to Keycloak")
        .tag("endpoint", endpoint)
        .register(registry);
    return count;
  }
}
