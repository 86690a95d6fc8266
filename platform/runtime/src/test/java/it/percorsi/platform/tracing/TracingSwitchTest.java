package it.percorsi.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing costs nothing unless a collector is configured. */
class TracingSwitchTest {

  @Test
  void withoutAnOtlpEndpointTheSdkIsDisabled() {
    TracingSwitch off = new TracingSwitch(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "));

    assertThat(off.getValue("quarkus.otel.sdk.disabled")).isEqualTo("true");
  }

  @Test
  void anOtlpEndpointEnablesIt() {
    assertThat(
            new TracingSwitch(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"))
                .getValue("quarkus.otel.sdk.disabled"))
        .isEqualTo("false");
    assertThat(
            new TracingSwitch(
                    Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"))
                .getValue("quarkus.otel.sdk.disabled"))
        .isEqualTo("false");
  }

  @Test
  void anExplicitSettingWins() {
    // Below application.properties (250), system properties and the environment (300, 400).
    assertThat(new TracingSwitch(Map.of()).getOrdinal()).isLessThan(100);
    assertThat(new TracingSwitch(Map.of()).getValue("quarkus.otel.traces.sampler")).isNull();
  }
}
