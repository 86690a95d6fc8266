package it.percorsi.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The relay connects to Kafka as the service's consumers do: against the SASL/TLS listeners of the
 * Kubernetes overlays a producer built from the bootstrap address alone publishes nothing.
 */
class RelayConnectionTest {

  @Test
  void theRelayAuthenticatesWithTheSameSecuritySettingsAsTheConsumers() {
    // What Quarkus collects from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, ... (kafka.*).
    Map<String, Object> broker =
        Map.of(
            "bootstrap.servers", "ignored:9092",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/percorsi/kafka-ca/ca.crt",
            "group.id", "not-for-a-producer");

    Properties p = OutboxRelay.connection(broker, "kafka-bootstrap:9093");

    assertThat(p)
        .containsEntry("bootstrap.servers", "kafka-bootstrap:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;")
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.location", "/etc/percorsi/kafka-ca/ca.crt")
        .doesNotContainKey("group.id");
  }

  @Test
  void withoutSecuritySettingsTheRelayConnectsInPlaintext() {
    Properties p = OutboxRelay.connection(Map.of("bootstrap.servers", "x:1"), "127.0.0.1:9092");

    assertThat(p).containsOnlyKeys("bootstrap.servers");
  }
}
