package it.percorsi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import it.percorsi.testkit.PostgresServer;
import it.percorsi.testkit.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bus as the overlays run it: the services reach Kafka only through its SASL/SCRAM-SHA-512
 * listener, each as its own principal with the ACLs of its KafkaUser. Events flow from one
 * service's outbox relay to the other services' consumers, and a principal cannot write to a topic
 * another service owns.
 */
class KafkaSecurityTest {

  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  @Test
  void theServicesTalkToKafkaOnlyAsTheirOwnScramPrincipals() {
    for (String service : Stack.PUBLISHES.keySet()) {
      assertThat(stack.kafkaLogin(service))
          .as("the Kafka login of " + service)
          .contains("ScramLoginModule")
          .contains("username=\"" + service + "\"");
    }
  }

  @Test
  void aRegistrationPublishedByTheRelayOverSaslReachesTheConsumersOfTheOtherServices()
      throws Exception {
    String id = Participants.register(stack.gateway(), Tokens.of("promoter-a"), "083");

    for (String db : List.of("system_dote", "system_plan", "system_placement")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () ->
                  assertThat(projected(db, UUID.fromString(id))).as("projected in " + db).isOne());
    }
  }

  @Test
  void aServicePrincipalCannotWriteToAnotherServicesTopic() {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafka().saslBootstrapServers(),
            "security.protocol",
            "SASL_PLAINTEXT",
            "sasl.mechanism",
            "SCRAM-SHA-512",
            "sasl.jaas.config",
            stack.kafkaLogin("dote-service"),
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            10_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000);
    try (KafkaProducer<String, String> dote =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      Throwable refused =
          catchThrowable(
              () ->
                  dote.send(
                          new ProducerRecord<>(
                              "percorsi.participants.v1", UUID.randomUUID().toString(), "{}"))
                      .get(15, TimeUnit.SECONDS));

      assertThat(refused)
          .as("dote-service writing on participant-service's topic")
          .isNotNull()
          .satisfies(
              t ->
                  assertThat(
                          t instanceof TopicAuthorizationException
                              || t.getCause() instanceof TopicAuthorizationException)
                      .as("refused by the ACLs: " + t)
                      .isTrue());
    }
  }

  private static long projected(String db, UUID participant) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                stack.jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM participant_projection WHERE participant_id = ?")) {
      ps.setObject(1, participant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
