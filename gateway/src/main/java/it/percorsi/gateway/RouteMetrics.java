package it.percorsi.gateway;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;

/**
 * The gateway's HTTP metrics are labelled with the route a request took ({@code /api/dotes/*}),
 * never with the path it asked for: ids in paths would grow the registry without bound and tell
 * whoever reads the metrics which records were read. A path no route serves is {@code UNMATCHED}.
 */
@Singleton
public class RouteMetrics {

  static final String UNMATCHED = "UNMATCHED";

  /** Paths outside the routes that the gateway serves itself (management ones included). */
  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("/openapi", "/q/health", "/q/health/ready", "/q/health/live", "/q/metrics");

  @Produces
  @Singleton
  public MeterFilter routeLabels(GatewayConfig config) {
    List<String> prefixes =
        config.routes().values().stream()
            .map(GatewayConfig.Route::prefix)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String uri = id.getTag("uri");
        if (uri == null || !id.getName().startsWith("http.server")) {
          return id;
        }
        return id.replaceTags(
            id.getTags().stream()
                .map(t -> t.getKey().equals("uri") ? Tag.of("uri", label(prefixes, uri)) : t)
                .toList());
      }
    };
  }

  /** The route {@code uri} belongs to, or {@link #UNMATCHED}. */
  static String label(List<String> prefixesLongestFirst, String uri) {
    for (String prefix : prefixesLongestFirst) {
      if (uri.equals(prefix)) {
        return prefix;
      }
      if (uri.startsWith(prefix + "/")) {
        return prefix + "/*";
      }
    }
    return KNOWN.contains(uri) ? uri : UNMATCHED;
  }
}
