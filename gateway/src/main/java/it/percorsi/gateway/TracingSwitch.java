package it.percorsi.gateway;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the OpenTelemetry SDK off unless an OTLP endpoint is configured ({@code
 * OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}): without a collector
 * there is nothing to export to, so no span is recorded, nothing is batched and no export error is
 * logged (the same switch as the services'). A low ordinal: an explicit {@code
 * QUARKUS_OTEL_SDK_DISABLED} or property wins.
 */
public class TracingSwitch implements ConfigSource {

  static final String PROPERTY = "quarkus.otel.sdk.disabled";

  private final String disabled;

  public TracingSwitch() {
    this(System.getenv());
  }

  TracingSwitch(Map<String, String> env) {
    this.disabled = String.valueOf(!endpointConfigured(env));
  }

  static boolean endpointConfigured(Map<String, String> env) {
    for (String name :
        new String[] {"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"}) {
      String v = env.get(name);
      if (v == null || v.isBlank()) {
        v = System.getProperty(name.toLowerCase().replace('_', '.'));
      }
      if (v != null && !v.isBlank()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PROPERTY);
  }

  @Override
  public String getValue(String propertyName) {
    return PROPERTY.equals(propertyName) ? disabled : null;
  }

  @Override
  public String getName() {
    return "percorsi-tracing-switch";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}
