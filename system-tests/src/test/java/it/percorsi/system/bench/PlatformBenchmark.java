package it.percorsi.system.bench;

import static io.restassured.RestAssured.given;

import it.percorsi.system.Stack;
import it.percorsi.testkit.PostgresServer;
import it.percorsi.testkit.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures for the foundation, measured in one run on this machine (not a test; never fails on
 * speed):
 *
 * <ul>
 *   <li>event delivery latency, commit in participant-service → handled in each projection
 *       (p50/p99), beside Kafka's own EndToEndLatency floor measured on the same broker;
 *   <li>each service's time from process start to healthy, and its RSS after a short load.
 * </ul>
 *
 * Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests
 * exec:java@platform-benchmark}
 */
public final class PlatformBenchmark {

  private static final int EVENTS = Integer.getInteger("bench.events", 300);

  public static void main(String[] args) throws Exception {
    // Figures comparable with earlier runs: no spans unless -Dpercorsi.system.tracing=true.
    System.setProperty(
        "percorsi.system.tracing", System.getProperty("percorsi.system.tracing", "false"));
    Stack stack = Stack.get();
    System.out.println();
    System.out.println("== services: start to healthy ==");
    for (Stack.Service s : stack.services()) {
      System.out.printf("  %-20s %6d ms%n", s.name(), s.readyAfterMillis());
    }

    String floor = kafkaFloor(stack.kafka().bootstrapServers());

    // Sequential registrations, so each event's latency is measured unloaded.
    String token = Tokens.of("promoter-a");
    String participant = stack.service("participant-service").url();
    for (int i = 0; i < EVENTS; i++) {
      given()
          .baseUri(participant)
          .auth()
          .oauth2(token)
          .contentType("application/json")
          .body(it.percorsi.system.Participants.body("083"))
          .when()
          .post("/participants")
          .then()
          .statusCode(201);
      Thread.sleep(10);
    }
    Thread.sleep(3000);

    Map<String, Instant> committed = outboxTimes();
    System.out.println();
    System.out.printf("== event delivery, commit -> projection handled (%d events) ==%n", EVENTS);
    for (String db : List.of("system_dote", "system_plan", "system_placement")) {
      List<Long> micros = new ArrayList<>();
      // Only the sequential registrations above: the load below is measured for memory only.
      for (Map.Entry<String, Instant> e : handledTimes(db).entrySet()) {
        Instant at = committed.get(e.getKey());
        if (at != null) {
          micros.add(java.time.Duration.between(at, e.getValue()).toNanos() / 1000);
        }
      }
      Collections.sort(micros);
      System.out.printf(
          "  %-18s n=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms%n",
          db.substring("system_".length()) + "-service",
          micros.size(),
          pct(micros, 50) / 1000.0,
          pct(micros, 99) / 1000.0,
          micros.isEmpty() ? 0 : micros.get(micros.size() - 1) / 1000.0);
    }
    System.out.println("  kafka EndToEndLatency floor (acks=all, 512 B, 2000 msgs): " + floor);

    // A short load through the gateway, for RSS after load.
    for (int i = 0; i < 500; i++) {
      given()
          .baseUri(stack.gateway())
          .auth()
          .oauth2(token)
          .contentType("application/json")
          .body(it.percorsi.system.Participants.body("083"))
          .when()
          .post("/api/participants")
          .then()
          .statusCode(201);
    }

    System.out.println();
    System.out.println("== RSS after 500 registrations through the gateway ==");
    for (Stack.Service s : stack.services()) {
      System.out.printf("  %-20s %6d MiB%n", s.name(), rssKiB(s.process().pid()) / 1024);
    }
    System.exit(0);
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static Map<String, Instant> outboxTimes() throws Exception {
    Map<String, Instant> m = new HashMap<>();
    try (Connection c = connect("system_participant");
        PreparedStatement ps =
            c.prepareStatement("SELECT id::text, occurred_at FROM outbox_event");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getTimestamp(2).toInstant());
      }
    }
    return m;
  }

  private static Map<String, Instant> handledTimes(String db) throws Exception {
    Map<String, Instant> m = new HashMap<>();
    try (Connection c = connect(db);
        PreparedStatement ps = c.prepareStatement("SELECT event_id, handled_at FROM inbox_event");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getTimestamp(2).toInstant());
      }
    }
    return m;
  }

  private static Connection connect(String db) throws Exception {
    return DriverManager.getConnection(
        PostgresServer.jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
  }

  /** Runs Kafka's EndToEndLatency tool against the same broker and returns its summary. */
  private static String kafkaFloor(String bootstrap) throws Exception {
    Class<?> tool = Class.forName("org.apache.kafka.tools.EndToEndLatency");
    Method execute = tool.getDeclaredMethod("execute", String[].class);
    execute.setAccessible(true);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      execute.invoke(
          null, (Object) new String[] {bootstrap, "bench-e2e-latency", "2000", "all", "512"});
    } finally {
      System.setOut(original);
    }
    StringBuilder summary = new StringBuilder();
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("Avg latency") || line.startsWith("Percentiles")) {
        summary.append(line.trim()).append("; ");
      }
    }
    return summary.toString();
  }

  private static long rssKiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
