package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.percorsi.testkit.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost when webhook-service dies: it is killed with SIGKILL while a slow endpoint still
 * has most of a promoter's events to receive, started again on the same database, and every event
 * arrives (at least once), each participant's in the order they happened. The same when the broker
 * is away for a while: the events wait in the producers' outboxes and arrive after it returns.
 */
class WebhooksSurviveACrashTest {

  static final List<String> TYPES =
      List.of("it.percorsi.participant.registered.v1", "it.percorsi.participant.updated.v1");
  static final String REGISTERED = "it.percorsi.participant.registered.v1";
  static final String UPDATED = "it.percorsi.participant.updated.v1";

  private static Stack stack;
  private static WebhookReceiver receiver;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
    receiver = new WebhookReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  /** {@code participants} registered by promoter A, each then changed twice; their ids. */
  static List<String> participantsChangedTwice(int participants) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < participants; i++) {
      ids.add(Participants.register(stack.gateway(), Tokens.of("promoter-a"), "083"));
    }
    for (int round = 0; round < 2; round++) {
      for (String id : ids) {
        String etag =
            given()
                .baseUri(stack.gateway())
                .auth()
                .oauth2(Tokens.of("promoter-a"))
                .get("/api/participants/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .contentType("application/merge-patch+json; charset=UTF-8")
            .header("If-Match", etag)
            .body("{\"yearsOfSchooling\": " + (5 + round) + "}")
            .patch("/api/participants/" + id)
            .then()
            .statusCode(200);
      }
    }
    return ids;
  }

  /** The events participant-service committed about these participants, in order, by id. */
  static Map<String, List<String>> committed(List<String> participants) throws Exception {
    Map<String, List<String>> events = new LinkedHashMap<>();
    try (Connection c = stack.connect("system_participant");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT aggregate_id, id::text, event_type FROM outbox_event"
                    + " WHERE aggregate_id = ANY (?) AND event_type = ANY (?) ORDER BY seq")) {
      ps.setArray(1, c.createArrayOf("varchar", participants.toArray()));
      ps.setArray(2, c.createArrayOf("varchar", TYPES.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return events;
  }

  static void endpoint(String path) {
    String secret =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .contentType("application/json")
            .body(Map.of("url", receiver.url(path), "eventTypes", TYPES))
            .post("/api/webhooks/endpoints")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    receiver.secret(path, secret);
  }

  /**
   * Every committed event reached the receiver (first arrivals in commit order per participant).
   */
  static void awaitEveryEventInOrder(String path, List<String> participants, Duration within)
      throws Exception {
    Map<String, List<String>> committed = committed(participants);
    assertThat(committed).hasSize(participants.size());
    committed.values().forEach(ids -> assertThat(ids).hasSize(3));
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              for (String participant : participants) {
                assertThat(
                        receiver.firstCallsAbout(path, participant).stream()
                            .map(WebhookReceiver.Call::webhookId)
                            .toList())
                    .as("events of participant %s in the order they were committed", participant)
                    .containsExactlyElementsOf(committed.get(participant));
              }
            });
    for (String participant : participants) {
      assertThat(receiver.firstCallsAbout(path, participant))
          .extracting(WebhookReceiver.Call::type)
          .containsExactly(REGISTERED, UPDATED, UPDATED);
    }
    assertThat(receiver.calls(path)).allMatch(WebhookReceiver.Call::verified);
  }

  @Test
  void killedWhileEventsArePendingItDeliversEveryOneInOrderAfterItsRestart() throws Exception {
    String path = "/crash";
    endpoint(path);
    // A slow receiver: most deliveries are still pending when the service is killed.
    receiver.slow(path, 300);
    List<String> participants = participantsChangedTwice(6);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> receiver.calls(path).size() >= 3);
    int beforeKill = receiver.calls(path).size();
    long t0 = System.nanoTime();
    stack.crashAndRestart("webhook-service");
    System.out.printf(
        "[webhooks] killed after %d of %d deliveries, healthy again in %d ms%n",
        beforeKill, participants.size() * 3, (System.nanoTime() - t0) / 1_000_000);
    assertThat(beforeKill)
        .as("deliveries made before the kill")
        .isLessThan(participants.size() * 3);

    awaitEveryEventInOrder(path, participants, Duration.ofSeconds(120));
    System.out.printf(
        "[webhooks] all %d events delivered %d ms after the kill (%d calls: %d redelivered)%n",
        participants.size() * 3,
        (System.nanoTime() - t0) / 1_000_000,
        receiver.calls(path).size(),
        receiver.calls(path).size() - participants.size() * 3);
  }

  @Test
  void eventsCommittedWhileTheBrokerIsDownArriveInOrderAfterItReturns() throws Exception {
    String path = "/broker-outage";
    endpoint(path);
    List<String> participants;
    stack.kafka().stop();
    try {
      participants = participantsChangedTwice(3);
      Stack.sleep(2_000);
    } finally {
      stack.kafka().start();
    }
    awaitEveryEventInOrder(path, participants, Duration.ofSeconds(120));
    stack.awaitAllHealthy();
  }
}
