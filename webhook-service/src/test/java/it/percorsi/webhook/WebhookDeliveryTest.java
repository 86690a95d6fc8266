package it.percorsi.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Tokens;
import it.percorsi.webhook.support.Bus;
import it.percorsi.webhook.support.RealInfrastructure;
import it.percorsi.webhook.support.RebindingResolver;
import it.percorsi.webhook.support.Receiver;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end in the service: real events on the broker, consumed through the inbox, sent
 * to a real HTTP receiver on 127.0.0.1 (sandbox mode), signatures checked with the Standard
 * Webhooks library.
 */
@QuarkusTest
@RealInfrastructure
class WebhookDeliveryTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String A = "ORG-PROMOTER-A";
  static final String MESSINA = "083";
  static final List<String> DOTE_TYPES =
      List.of(
          "it.percorsi.dote.assigned.v1",
          "it.percorsi.dote.activated.v1",
          "it.percorsi.dote.extended.v1",
          "it.percorsi.dote.completed.v1");
  static final String REQUESTED = "it.percorsi.dote.extension-requested.v1";
  static final String DISABLED = "it.percorsi.webhook-endpoint.disabled.v1";
  static Receiver receiver;

  @Inject EntityManager em;

  @BeforeAll
  static void receiver() {
    receiver = new Receiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  static ValidatableResponse register(String principal, String url, List<String> types) {
    return given()
        .header("Authorization", Tokens.bearer(principal))
        .contentType("application/json")
        .body(Map.of("url", url, "eventTypes", types))
        .post("/webhooks/endpoints")
        .then();
  }

  static JsonPath registered(String principal, String path, List<String> types) {
    return register(principal, receiver.url(path), types).statusCode(201).extract().jsonPath();
  }

  static ValidatableResponse call(String principal, String method, String path, Object body) {
    var spec =
        given().header("Authorization", Tokens.bearer(principal)).contentType("application/json");
    if (body != null) {
      spec = spec.body(body);
    }
    return spec.request(method, path).then();
  }

  static List<Receiver.Call> awaitCalls(String path, int n) {
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls(path).size() >= n);
    return receiver.calls(path);
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void verify(String secret, Receiver.Call call) throws Exception {
    new Webhook(secret).verify(call.body(), call.headers());
  }

  static Map<String, Object> requested(int months) {
    return Map.of("requestedMonths", months, "requestedOn", "2027-03-01");
  }

  static List<Map<String, Object>> attempts(String principal, String id) {
    return call(principal, "GET", "/webhooks/endpoints/" + id + "/attempts", null)
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  @Test
  void aDotesEventsArriveSignedInOrderAsCloudEvents() throws Exception {
    String path = "/in-order";
    String secret = registered("promoter-a", path, DOTE_TYPES).getString("secret");
    assertThat(secret).startsWith("whsec_");
    Bus.Case c = Bus.assigned(A, MESSINA);
    Bus.doteEvent(
        c,
        "it.percorsi.dote.activated.v1",
        Map.of(
            "planId", UUID.randomUUID().toString(),
            "activatedOn", "2027-03-01",
            "allowanceCents", 300_000,
            "hostContributionCents", 60_000,
            "promoterServicesCents", 200_000),
        null);
    Bus.doteEvent(
        c,
        "it.percorsi.dote.extended.v1",
        Map.of("addedMonths", 2, "totalExtensionMonths", 2, "addedAllowanceCents", 100_000),
        null);
    Bus.doteEvent(
        c,
        "it.percorsi.dote.completed.v1",
        Map.of("completedOn", "2027-11-01", "outcome", "COMPLETED"),
        null);

    List<Receiver.Call> calls = awaitCalls(path, 4);
    assertThat(calls).hasSize(4);
    assertThat(calls)
        .extracting(call -> json(call.body()).path("type").asText())
        .containsExactly(
            "it.percorsi.dote.assigned.v1",
            "it.percorsi.dote.activated.v1",
            "it.percorsi.dote.extended.v1",
            "it.percorsi.dote.completed.v1");
    for (Receiver.Call call : calls) {
      verify(secret, call);
      JsonNode ce = json(call.body());
      assertThat(call.header("content-type")).startsWith("application/cloudevents+json");
      assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
      assertThat(ce.path("id").asText()).isEqualTo(call.header("webhook-id"));
      assertThat(ce.path("subject").asText()).isEqualTo(c.doteId().toString());
      assertThat(ce.path("data").path("doteId").asText()).isEqualTo(c.doteId().toString());
    }
    // A tampered body fails the library's check.
    Receiver.Call first = calls.get(0);
    assertThatCode(
            () ->
                verify(
                    secret,
                    new Receiver.Call(
                        first.path(), first.headers(), first.body() + " ", first.at())))
        .isInstanceOf(Exception.class);
  }

  @Test
  void afterARotationEitherSecretVerifiesForTheGracePeriod() throws Exception {
    String path = "/rotation";
    JsonPath ep = registered("promoter-a", path, List.of(REQUESTED));
    String id = ep.getString("id");
    String before = ep.getString("secret");
    Bus.Case c = Bus.assigned(A, MESSINA);
    Bus.doteEvent(c, REQUESTED, requested(1), null);
    verify(before, awaitCalls(path, 1).get(0));

    JsonPath rotated =
        call("promoter-a", "POST", "/webhooks/endpoints/" + id + "/secret-rotation", null)
            .statusCode(200)
            .extract()
            .jsonPath();
    String after = rotated.getString("secret");
    assertThat(after).startsWith("whsec_").isNotEqualTo(before);
    Instant graceEnds = Instant.parse(rotated.getString("previousSecretExpiresAt"));
    assertThat(graceEnds)
        .isBetween(
            Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
    // The secret is shown once: reading the endpoint does not show it.
    call("promoter-a", "GET", "/webhooks/endpoints/" + id, null)
        .statusCode(200)
        .body("secret", equalTo(null));
    // Another organisation's endpoint does not exist for the caller.
    call("promoter-b", "GET", "/webhooks/endpoints/" + id, null).statusCode(404);
    call("promoter-b", "POST", "/webhooks/endpoints/" + id + "/secret-rotation", null)
        .statusCode(404);

    Bus.doteEvent(c, REQUESTED, requested(2), null);
    Receiver.Call second = awaitCalls(path, 2).get(1);
    verify(before, second);
    verify(after, second);
    assertThat(second.header("webhook-signature").split(" ")).hasSize(2);
  }

  @Test
  void anEndpointFailingThreeTimesGetsTheEventOnTheFourthWithTheAttemptsListed() {
    String path = "/flaky";
    receiver.answer(path, 500, 502, 500);
    String id = registered("promoter-a", path, List.of(REQUESTED)).getString("id");
    Bus.Case c = Bus.assigned(A, MESSINA);
    String event = Bus.doteEvent(c, REQUESTED, requested(1), null);

    List<Receiver.Call> calls = awaitCalls(path, 4);
    assertThat(calls).extracting(x -> x.header("webhook-id")).containsOnly(event);
    await().atMost(Duration.ofSeconds(10)).until(() -> attempts("promoter-a", id).size() == 4);
    JsonPath attempts =
        call("promoter-a", "GET", "/webhooks/endpoints/" + id + "/attempts", null)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(attempts.getList("items.attempt", Integer.class)).containsExactly(4, 3, 2, 1);
    assertThat(attempts.getList("items.outcome", String.class))
        .containsExactly("SUCCEEDED", "FAILED", "FAILED", "FAILED");
    assertThat(attempts.getList("items.responseCode", Integer.class))
        .containsExactly(200, 500, 502, 500);
    assertThat(attempts.getList("items.eventId", String.class)).containsOnly(event);
    assertThat(attempts.getList("items.durationMs", Long.class)).allMatch(d -> d >= 0);
    // The owner's log only.
    call("promoter-b", "GET", "/webhooks/endpoints/" + id + "/attempts", null).statusCode(404);
  }

  @Test
  void a410DisablesTheEndpointAndItsOwnerIsTold() {
    String path = "/gone";
    receiver.answer(path, 410);
    String watch = "/gone-watch";
    registered("promoter-a", watch, List.of(DISABLED));
    registered("promoter-b", "/gone-watch-b", List.of(DISABLED));
    String id = registered("promoter-a", path, List.of(REQUESTED)).getString("id");
    Bus.Case c = Bus.assigned(A, MESSINA);
    Bus.doteEvent(c, REQUESTED, requested(1), null);
    awaitCalls(path, 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "DISABLED"
                    .equals(
                        call("promoter-a", "GET", "/webhooks/endpoints/" + id, null)
                            .extract()
                            .jsonPath()
                            .getString("state")));
    call("promoter-a", "GET", "/webhooks/endpoints/" + id, null)
        .body("disabledReason", equalTo("GONE"));
    // The owner is told: an event on the bus, delivered to its other endpoints (not to others').
    Events.Read told = Events.await(Bus.WEBHOOKS, r -> id.equals(r.key()), Duration.ofSeconds(30));
    assertThat(told.header("ce_type")).isEqualTo(DISABLED);
    assertThat(json(told.value()).path("reason").asText()).isEqualTo("GONE");
    assertThat(json(told.value()).path("ownerOrgId").asText()).isEqualTo(A);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                receiver.calls(watch).stream()
                    .anyMatch(
                        x -> json(x.body()).path("data").path("endpointId").asText().equals(id)));
    assertThat(receiver.calls("/gone-watch-b"))
        .noneMatch(x -> json(x.body()).path("data").path("endpointId").asText().equals(id));
    // A disabled endpoint gets nothing more.
    String later = Bus.doteEvent(c, REQUESTED, requested(2), null);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.calls(path).size() == 1);
    assertThat(deliveries(later, id)).isZero();
  }

  long deliveries(String event, String endpoint) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM webhook_delivery WHERE event_id = ?1"
                                    + " AND endpoint_id = ?2")
                            .setParameter(1, event)
                            .setParameter(2, UUID.fromString(endpoint))
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void aReplayOfARangeRedeliversExactlyThoseEvents() {
    String path = "/replay";
    String id = registered("promoter-a", path, List.of(REQUESTED)).getString("id");
    Bus.Case c = Bus.assigned(A, MESSINA);
    Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
    String[] events = new String[4];
    for (int i = 0; i < 4; i++) {
      events[i] = Bus.doteEvent(c, REQUESTED, requested(i + 1), t0.plus(Duration.ofHours(i)));
    }
    assertThat(awaitCalls(path, 4)).extracting(x -> x.header("webhook-id")).containsExactly(events);

    call(
            "promoter-a",
            "POST",
            "/webhooks/endpoints/" + id + "/replays",
            Map.of(
                "from", t0.plus(Duration.ofHours(1)).toString(),
                "to", t0.plus(Duration.ofHours(3)).toString()))
        .statusCode(202)
        .body("deliveries", equalTo(2));
    assertThat(awaitCalls(path, 6).subList(4, 6))
        .extracting(x -> x.header("webhook-id"))
        .containsExactly(events[1], events[2]);

    call(
            "promoter-a",
            "POST",
            "/webhooks/endpoints/" + id + "/replays",
            Map.of("eventId", events[3]))
        .statusCode(202)
        .body("deliveries", equalTo(1));
    assertThat(awaitCalls(path, 7).get(6).header("webhook-id")).isEqualTo(events[3]);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> receiver.calls(path).size() == 7);
  }

  @Test
  void aPrivateAddressIsRefusedAtRegistration() {
    RebindingResolver.point("intranet.rebind.test", "10.1.2.3");
    RebindingResolver.point("looks-local.rebind.test", "127.0.0.1");
    for (String url :
        List.of(
            "https://10.0.0.1/hook",
            "https://172.16.5.4/hook",
            "https://192.168.1.10/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook",
            "https://0.0.0.0/hook",
            "https://[fd12:3456::1]/hook",
            "https://[fe80::1]/hook",
            "https://[::ffff:10.0.0.1]/hook",
            "https://intranet.rebind.test/hook",
            "http://looks-local.rebind.test/hook",
            "http://127.0.0.2/hook",
            "http://example.com/hook",
            "ftp://example.com/hook")) {
      register("promoter-a", url, List.of(REQUESTED))
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", equalTo("https://percorsi.it/problems/webhook-url-not-allowed"));
    }
    register("promoter-a", receiver.url("/x"), List.of("it.percorsi.nothing.v1")).statusCode(400);
  }

  @Test
  void anAddressThatTurnedPrivateIsRefusedAtDelivery() {
    String host = "partner.rebind.test";
    RebindingResolver.point(host, "93.184.216.34");
    String id =
        register("promoter-a", "https://" + host + "/hook", List.of(REQUESTED))
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("id");
    RebindingResolver.point(host, "10.0.0.7");
    Bus.Case c = Bus.assigned(A, MESSINA);
    String event = Bus.doteEvent(c, REQUESTED, requested(1), null);
    await().atMost(Duration.ofSeconds(30)).until(() -> !attempts("promoter-a", id).isEmpty());
    JsonPath attempts =
        call("promoter-a", "GET", "/webhooks/endpoints/" + id + "/attempts", null)
            .extract()
            .jsonPath();
    assertThat(attempts.getString("items[0].eventId")).isEqualTo(event);
    assertThat(attempts.getString("items[0].outcome")).isEqualTo("BLOCKED");
    assertThat(attempts.getString("items[0].responseCode")).isNull();
    assertThat(attempts.getString("items[0].error")).contains("private");
  }

  @Test
  void aPausedEndpointGetsWhatWaitedOnceResumedAndADeletedOneNothing() {
    String path = "/paused";
    String id = registered("promoter-a", path, List.of(REQUESTED)).getString("id");
    call("promoter-a", "POST", "/webhooks/endpoints/" + id + "/pause", null)
        .statusCode(200)
        .body("state", equalTo("PAUSED"));
    Bus.Case c = Bus.assigned(A, MESSINA);
    String event = Bus.doteEvent(c, REQUESTED, requested(1), null);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.calls(path).isEmpty());
    call("promoter-a", "POST", "/webhooks/endpoints/" + id + "/resume", null)
        .statusCode(200)
        .body("state", equalTo("ACTIVE"));
    assertThat(awaitCalls(path, 1).get(0).header("webhook-id")).isEqualTo(event);

    call("promoter-b", "DELETE", "/webhooks/endpoints/" + id, null).statusCode(404);
    call("promoter-a", "DELETE", "/webhooks/endpoints/" + id, null).statusCode(204);
    call("promoter-a", "GET", "/webhooks/endpoints/" + id, null).statusCode(404);
    Bus.doteEvent(c, REQUESTED, requested(2), null);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.calls(path).size() == 1);
  }

  @Test
  void a429Or503WaitsItsRetryAfterRatherThanTheSchedule() {
    String path = "/busy";
    receiver.answerRetryAfter(path, 429, 2);
    receiver.answerRetryAfter(path, 503, 1);
    String id = registered("promoter-a", path, List.of(REQUESTED)).getString("id");
    Bus.Case c = Bus.assigned(A, MESSINA);
    Bus.doteEvent(c, REQUESTED, requested(1), null);
    List<Receiver.Call> calls = awaitCalls(path, 3);
    // The schedule of the tests retries after 300 ms: these waited what the endpoint asked.
    assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    assertThat(Duration.between(calls.get(1).at(), calls.get(2).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    await().atMost(Duration.ofSeconds(10)).until(() -> attempts("promoter-a", id).size() == 3);
    assertThat(
            call("promoter-a", "GET", "/webhooks/endpoints/" + id + "/attempts", null)
                .extract()
                .jsonPath()
                .getList("items.responseCode", Integer.class))
        .containsExactly(200, 503, 429);
  }

  @Test
  void anEndpointFailingForDaysIsDisabledAndItsOwnerTold() {
    String path = "/failing";
    receiver.answer(path, 500);
    String id = registered("promoter-a", path, List.of(REQUESTED)).getString("id");
    // It has failed without a success for six days already (the limit is five).
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE webhook_endpoint SET failing_since = now() - interval '6 days'"
                            + " WHERE id = ?1")
                    .setParameter(1, UUID.fromString(id))
                    .executeUpdate());
    Bus.Case c = Bus.assigned(A, MESSINA);
    Bus.doteEvent(c, REQUESTED, requested(1), null);
    Events.Read told = Events.await(Bus.WEBHOOKS, r -> id.equals(r.key()), Duration.ofSeconds(30));
    assertThat(json(told.value()).path("reason").asText()).isEqualTo("FAILING");
    assertThat(json(told.value()).has("failingSince")).isTrue();
    call("promoter-a", "GET", "/webhooks/endpoints/" + id, null)
        .statusCode(200)
        .body("state", equalTo("DISABLED"))
        .body("disabledReason", equalTo("FAILING"));
    assertThat(receiver.calls(path)).hasSize(1);
  }
}
