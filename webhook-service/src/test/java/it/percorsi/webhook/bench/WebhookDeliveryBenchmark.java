package it.percorsi.webhook.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.testkit.KafkaServer;
import it.percorsi.testkit.Tokens;
import it.percorsi.webhook.support.Bus;
import it.percorsi.webhook.support.RealInfrastructure;
import it.percorsi.webhook.support.Receiver;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the default test run): 50 endpoints, 10 of them
 * slow (each answer takes a second), receive the events of 20 dotes. Prints the delivery throughput
 * to the fast endpoints and the latency from the event's commit (its CloudEvents time, set when it
 * is produced) to the receiver, beside the same latency for a plain Kafka consumer of the topic.
 *
 * <p>Run: {@code ./mvnw -pl webhook-service -am verify -Dtest=WebhookDeliveryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.events=400 -Dbench.slow-ms=1000
 * -Dbench.rate=5}: at most 5 events a second).
 */
@QuarkusTest
@RealInfrastructure
class WebhookDeliveryBenchmark {

  private static final int ENDPOINTS = 50;
  private static final int SLOW = 10;
  private static final int EVENTS = Integer.getInteger("bench.events", 400);
  private static final int DOTES = 20;
  private static final long SLOW_MS = Long.getLong("bench.slow-ms", 1000);

  /**
   * Events published per second at most (0: as fast as the producer goes). A fixed offered load
   * compares runs on a machine whose other work changes the producer's own pace.
   */
  private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "0"));

  private static final String TYPE = "it.percorsi.dote.extension-requested.v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void deliveryToFiftyEndpointsOfWhichTenSlow() throws Exception {
    try (Receiver receiver = new Receiver(64)) {
      List<String> fast = new ArrayList<>();
      List<String> slow = new ArrayList<>();
      for (int i = 0; i < ENDPOINTS; i++) {
        String path = (i < SLOW ? "/slow-" : "/fast-") + i;
        (i < SLOW ? slow : fast).add(path);
        if (i < SLOW) {
          receiver.slow(path, SLOW_MS);
        }
        given()
            .header("Authorization", Tokens.bearer("promoter-a"))
            .contentType("application/json")
            .body(Map.of("url", receiver.url(path), "eventTypes", List.of(TYPE)))
            .post("/webhooks/endpoints")
            .then()
            .statusCode(201);
      }
      List<Bus.Case> cases = new ArrayList<>();
      for (int d = 0; d < DOTES; d++) {
        cases.add(Bus.assigned("ORG-PROMOTER-A", "083"));
      }
      // The Kafka consumer path: a plain consumer of the same topic, its own group.
      ConcurrentLinkedQueue<Long> kafkaMillis = new ConcurrentLinkedQueue<>();
      Set<String> ids = Collections.synchronizedSet(new HashSet<>());
      AtomicBoolean stop = new AtomicBoolean();
      Thread consumer = new Thread(() -> consume(ids, kafkaMillis, stop), "bench-consumer");
      consumer.start();
      Thread.sleep(3000); // the consumer joins its group

      long t0 = System.nanoTime();
      for (int i = 0; i < EVENTS; i++) {
        if (RATE > 0) {
          long due = t0 + (long) (i * 1e9 / RATE);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        String id =
            Bus.doteEvent(
                cases.get(i % DOTES),
                TYPE,
                Map.of("requestedMonths", 1 + i % 6, "requestedOn", "2027-03-01"),
                Instant.now());
        ids.add(id);
      }
      double publishSeconds = (System.nanoTime() - t0) / 1e9;
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (System.nanoTime() < deadline
          && delivered(receiver, fast, ids) < fast.size() * EVENTS) {
        Thread.sleep(100);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      int fastDelivered = delivered(receiver, fast, ids);
      int slowDelivered = delivered(receiver, slow, ids);
      stop.set(true);
      consumer.join();

      System.out.println();
      System.out.printf(
          "== webhooks: %d endpoints (%d answering in %d ms), %d events of %d dotes ==%n",
          ENDPOINTS, SLOW, SLOW_MS, EVENTS, DOTES);
      System.out.printf(
          "published in %.1f s (one producer per event, acks awaited%s): %.0f deliveries/s offered"
              + " to the fast endpoints%n",
          publishSeconds,
          RATE > 0 ? ", at most " + RATE + " events/s" : "",
          fast.size() * EVENTS / publishSeconds);
      System.out.printf(
          "fast endpoints: %d of %d deliveries in %.1f s from the first publish: %.0f deliveries/s%n",
          fastDelivered, fast.size() * EVENTS, seconds, fastDelivered / seconds);
      System.out.printf(
          "slow endpoints meanwhile: %d deliveries (at most %.0f possible, one at a time each)%n",
          slowDelivered, SLOW * seconds * 1000 / SLOW_MS);
      System.out.println("commit -> receiver, ms   " + stats(latencies(receiver, fast, ids)));
      System.out.println("commit -> slow receiver  " + stats(latencies(receiver, slow, ids)));
      System.out.println("commit -> Kafka consumer " + stats(new ArrayList<>(kafkaMillis)));
      // Where the time goes, from the service's own tables: the fan-out (event stored with its
      // deliveries) and from there to the first attempt's outcome at a fast endpoint.
      System.out.println("commit -> fan-out, ms    " + stats(millis(FANOUT, ids)));
      System.out.println("fan-out -> delivered, ms " + stats(millis(DISPATCH, ids)));
    }
  }

  private static final String FANOUT =
      "SELECT (extract(epoch FROM v.received_at - v.event_time) * 1000)::bigint"
          + " FROM webhook_event v WHERE v.event_id = ANY (?)";

  private static final String DISPATCH =
      "SELECT (extract(epoch FROM a.attempted_at - v.received_at) * 1000)::bigint"
          + " FROM webhook_attempt a JOIN webhook_event v ON v.event_id = a.event_id"
          + " JOIN webhook_endpoint e ON e.id = a.endpoint_id"
          + " WHERE a.event_id = ANY (?) AND a.attempt = 1 AND e.url LIKE '%/fast-%'";

  @Inject DataSource dataSource;

  private List<Long> millis(String sql, Set<String> ids) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private static int delivered(Receiver receiver, List<String> paths, Set<String> ids) {
    int n = 0;
    for (String p : paths) {
      n +=
          (int)
              receiver.calls(p).stream().filter(c -> ids.contains(c.header("webhook-id"))).count();
    }
    return n;
  }

  private static List<Long> latencies(Receiver receiver, List<String> paths, Set<String> ids) {
    List<Long> out = new ArrayList<>();
    for (String p : paths) {
      for (Receiver.Call c : receiver.calls(p)) {
        if (ids.contains(c.header("webhook-id"))) {
          try {
            Instant time = Instant.parse(JSON.readTree(c.body()).path("time").asText());
            out.add(Duration.between(time, c.at()).toMillis());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return out;
  }

  private static void consume(
      Set<String> ids, ConcurrentLinkedQueue<Long> millis, AtomicBoolean stop) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.get().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      c.subscribe(List.of(Bus.DOTES));
      while (!stop.get()) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
          var h = r.headers().lastHeader("ce_time");
          if (h != null) {
            Instant time =
                Instant.parse(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
            millis.add(Duration.between(time, Instant.now()).toMillis());
          }
        }
      }
    }
  }

  private static String stats(List<Long> values) {
    if (values.isEmpty()) {
      return "none";
    }
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    return String.format(
        "n=%d p50=%d p95=%d p99=%d max=%d",
        v.size(),
        v.get(v.size() / 2),
        v.get((int) (v.size() * 0.95)),
        v.get((int) Math.min(v.size() - 1, v.size() * 0.99)),
        v.get(v.size() - 1));
  }
}
