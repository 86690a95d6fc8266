package it.percorsi.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Test resource: the JVM's real Kafka broker. Argument {@code topics} (comma-separated) lists the
 * topics to create up front, each with its {@code .dlq} twin.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

  private List<String> topics = List.of();

  @Override
  public void init(Map<String, String> initArgs) {
    String t = initArgs.get("topics");
    if (t != null && !t.isBlank()) {
      topics = Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  }

  @Override
  public Map<String, String> start() {
    KafkaServer.Broker kafka = KafkaServer.get();
    kafka.start();
    kafka.createTopics(topics);
    return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
  }

  @Override
  public void stop() {
    // The broker lives until the JVM exits.
  }
}
