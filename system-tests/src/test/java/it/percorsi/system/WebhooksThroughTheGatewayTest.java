package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks with the packaged services: promoters register endpoints through the gateway with their
 * client-credentials tokens, a case of promoter A is driven through the public API (registration,
 * dote, plan submitted, returned, submitted again and approved, dote activated) and its events
 * arrive at A's receiver signed (checked with the Standard Webhooks library), in order per
 * aggregate; promoter B's endpoint, for the same event types, gets B's own case and none of A's.
 */
class WebhooksThroughTheGatewayTest {

  static final List<String> TYPES =
      List.of(
          "it.percorsi.participant.registered.v1",
          "it.percorsi.dote.assigned.v1",
          "it.percorsi.dote.activated.v1",
          "it.percorsi.plan.submitted.v1",
          "it.percorsi.plan.returned.v1",
          "it.percorsi.plan.approved.v1");

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

  static RequestSpecification as(String principal) {
    return given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of(principal))
        .contentType("application/json");
  }

  /** Registers an endpoint of {@code principal} at the receiver's {@code path}; its id. */
  static String endpoint(String principal, String path, List<String> types) {
    JsonPath answer =
        as(principal)
            .body(Map.of("url", receiver.url(path), "eventTypes", types))
            .post("/api/webhooks/endpoints")
            .then()
            .statusCode(201)
            .body("state", equalTo("ACTIVE"))
            .extract()
            .jsonPath();
    String secret = answer.getString("secret");
    assertThat(secret).startsWith("whsec_");
    receiver.secret(path, secret);
    String id = answer.getString("id");
    // At rest the secret is sealed with the service's key (WEBHOOK_SECRETS_KEY).
    try (Connection db = stack.connect(stack.service("webhook-service").database());
        PreparedStatement ps =
            db.prepareStatement("SELECT secret FROM webhook_secret WHERE endpoint_id = ?::uuid")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1))
            .startsWith("aesgcm1:")
            .doesNotContain(secret)
            .doesNotContain(secret.substring("whsec_".length()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  /** A participant of Messina registered by {@code promoter}, known to dote-service; its id. */
  static String participant(String promoter) {
    String id =
        as(promoter)
            .body(Participants.eligible("083"))
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .baseUri(stack.service("dote-service").url())
                    .auth()
                    .oauth2(Tokens.of("agency-admin"))
                    .get("/internal/projections/participants/" + id)
                    .then()
                    .statusCode(200));
    return id;
  }

  static String dote(String promoter, String participant) {
    return as(promoter)
        .body(
            Map.of(
                "programme",
                "EXAMPLE-PERCORSI-III",
                "participantId",
                participant,
                "plannedInternshipStart",
                LocalDate.now().plusDays(20).toString()))
        .post("/api/dotes")
        .then()
        .statusCode(201)
        .body("state", equalTo("ASSIGNED"))
        .extract()
        .path("id");
  }

  static String draftOf(String promoter, String dote) {
    String[] plan = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              plan[0] =
                  as(promoter)
                      .get("/api/plans?doteId=" + dote)
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("items[0].id");
              assertThat(plan[0]).isNotNull();
            });
    return plan[0];
  }

  static void write(String promoter, String plan, int tutoringHours) {
    LocalDate today = LocalDate.now();
    List<Map<String, Object>> activities =
        tutoringHours == 0
            ? List.of(activity("SPECIALIST_ORIENTATION", 12))
            : List.of(
                activity("SPECIALIST_ORIENTATION", 12),
                activity("INTERNSHIP_TUTORING", tutoringHours));
    Map<String, Object> content =
        Map.of(
            "objectives",
            "Find a job in catering",
            "activities",
            activities,
            "internship",
            Map.of("plannedStart", today.plusDays(20).toString(), "weeklyHours", 25),
            "signatures",
            Map.of("participantAcceptedOn", today.toString()));
    String etag = as(promoter).get("/api/plans/" + plan).then().extract().header("ETag");
    as(promoter)
        .header("If-Match", etag)
        .body(content)
        .put("/api/plans/" + plan)
        .then()
        .statusCode(200);
  }

  static Map<String, Object> activity(String service, int hours) {
    LocalDate today = LocalDate.now();
    return Map.of(
        "serviceCode",
        service,
        "provider",
        "ORG-PROMOTER-A",
        "plannedHours",
        hours,
        "from",
        today.toString(),
        "to",
        today.plusDays(30).toString());
  }

  @Test
  void aPromotersCaseReachesItsEndpointSignedAndInOrderAndNoOtherPromotersEndpoint() {
    endpoint("promoter-a", "/promoter-a", TYPES);
    endpoint("promoter-b", "/promoter-b", TYPES);

    // Promoter A's case through the public API.
    String participant = participant("promoter-a");
    String dote = dote("promoter-a", participant);
    String plan = draftOf("promoter-a", dote);
    write("promoter-a", plan, 0);
    as("promoter-a").post("/api/plans/" + plan + "/submission").then().statusCode(200);
    as("cpi-messina")
        .body(Map.of("reasons", List.of("ACTIVITIES_NOT_SUITABLE"), "note", "Add tutoring"))
        .post("/api/plans/" + plan + "/return")
        .then()
        .statusCode(200);
    write("promoter-a", plan, 20);
    as("promoter-a").post("/api/plans/" + plan + "/submission").then().statusCode(200);
    as("cpi-messina").post("/api/plans/" + plan + "/approval").then().statusCode(200);

    // Every event of the case arrives, signed, each aggregate's in the order it happened.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(types(receiver.firstCallsAbout("/promoter-a", participant)))
                  .containsExactly("it.percorsi.participant.registered.v1");
              assertThat(types(receiver.firstCallsAbout("/promoter-a", dote)))
                  .containsExactly("it.percorsi.dote.assigned.v1", "it.percorsi.dote.activated.v1");
              assertThat(types(receiver.firstCallsAbout("/promoter-a", plan)))
                  .containsExactly(
                      "it.percorsi.plan.submitted.v1",
                      "it.percorsi.plan.returned.v1",
                      "it.percorsi.plan.submitted.v1",
                      "it.percorsi.plan.approved.v1");
            });
    assertThat(receiver.calls("/promoter-a"))
        .as("every call signed with the endpoint's secret")
        .allMatch(WebhookReceiver.Call::verified);
    for (WebhookReceiver.Call c : receiver.calls("/promoter-a")) {
      assertThat(c.event().path("specversion").asText()).isEqualTo("1.0");
      assertThat(c.webhookId()).isEqualTo(c.event().path("id").asText());
    }

    // Promoter B's own case reaches B's endpoint: it works, and got nothing of A's by then.
    String bParticipant = participant("promoter-b");
    String bDote = dote("promoter-b", bParticipant);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(types(receiver.firstCallsAbout("/promoter-b", bDote)))
                    .containsExactly("it.percorsi.dote.assigned.v1"));
    Set<String> aggregatesOfA = Set.of(participant, dote, plan);
    Set<String> seenByB = new HashSet<>();
    receiver.calls("/promoter-b").forEach(c -> seenByB.add(c.subject()));
    assertThat(seenByB)
        .as("aggregates promoter B's endpoint heard of")
        .doesNotContainAnyElementsOf(aggregatesOfA);
    assertThat(seenByB).contains(bParticipant, bDote);
    assertThat(receiver.calls("/promoter-b")).allMatch(WebhookReceiver.Call::verified);
    // ... and A's endpoint got nothing of B's.
    assertThat(receiver.calls("/promoter-a"))
        .noneMatch(c -> c.subject().equals(bParticipant) || c.subject().equals(bDote));
  }

  static List<String> types(List<WebhookReceiver.Call> calls) {
    return calls.stream().map(WebhookReceiver.Call::type).toList();
  }
}
