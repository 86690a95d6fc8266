package it.percorsi.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.testkit.Tokens;
import it.percorsi.webhook.fanout.EventTypes;
import it.percorsi.webhook.support.AsyncApi;
import it.percorsi.webhook.support.Bus;
import it.percorsi.webhook.support.RealInfrastructure;
import it.percorsi.webhook.support.Receiver;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An endpoint receives what its owner may read through the REST API and nothing else, for every
 * event type of the contract: each type's example from docs/asyncapi.yaml is published about a case
 * of promoter A in Messina; promoter A and the CPI of Messina receive them all, promoter B and the
 * CPI of Palermo only the programme-wide ones.
 */
@QuarkusTest
@RealInfrastructure
class WebhookIsolationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager em;

  static String register(String principal, String url) {
    return given()
        .header("Authorization", Tokens.bearer(principal))
        .contentType("application/json")
        .body(Map.of("url", url, "eventTypes", EventTypes.ALL))
        .post("/webhooks/endpoints")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getString("id");
  }

  @Test
  void promoterBNeverReceivesAnEventAboutPromoterAsCasesOfAnyType() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Map<String, String> endpoints = new LinkedHashMap<>();
      for (String principal : List.of("promoter-a", "cpi-messina", "promoter-b", "cpi-palermo")) {
        endpoints.put(principal, register(principal, receiver.url("/" + principal)));
      }
      UUID participant = UUID.randomUUID();
      UUID dote = UUID.randomUUID();
      List<AsyncApi.Message> messages = new ArrayList<>(AsyncApi.messages());
      // The case's first events first (the others would wait for them anyway).
      messages.sort((x, y) -> Integer.compare(first(y.type()), first(x.type())));
      Map<String, String> published = new LinkedHashMap<>(); // event id -> type
      for (AsyncApi.Message m : messages) {
        ObjectNode payload = ((ObjectNode) m.example()).deepCopy();
        replace(payload, "doteId", dote.toString());
        replace(payload, "participantId", participant.toString());
        replace(payload, "promoterOrgId", "ORG-PROMOTER-A");
        replace(payload, "ownerOrgId", "ORG-PROMOTER-A");
        replace(payload, "fromOrgId", "ORG-PROMOTER-C");
        replace(payload, "toOrgId", "ORG-PROMOTER-A");
        replace(payload, "provinceCode", "083");
        replace(payload, "regionCode", "19");
        String key =
            payload.has("doteId")
                ? dote.toString()
                : payload.has("participantId")
                    ? participant.toString()
                    : payload.has("endpointId")
                        ? payload.path("endpointId").asText()
                        : payload.path("programmeCode").asText(UUID.randomUUID().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.convertValue(payload, Map.class);
        published.put(Bus.publish(Bus.topicOf(m.type()), key, m.type(), body, null), m.type());
      }
      Set<String> publicIds =
          published.entrySet().stream()
              .filter(e -> EventTypes.PUBLIC.contains(e.getValue()))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      assertThat(published.values()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);

      // An endpoint's own event (promoter A's, in the example) goes to its organisation only.
      Set<String> caseAndPublic =
          published.entrySet().stream()
              .filter(e -> !e.getValue().startsWith("it.percorsi.webhook-endpoint."))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(received(receiver, "promoter-a", published.keySet()))
                      .as("promoter A receives every type about its case")
                      .containsExactlyInAnyOrderElementsOf(published.keySet()));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(received(receiver, "cpi-messina", published.keySet()))
                      .as("the CPI of Messina receives every type about a case of Messina")
                      .containsExactlyInAnyOrderElementsOf(caseAndPublic));
      for (String principal : List.of("promoter-b", "cpi-palermo")) {
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(received(receiver, principal, published.keySet()))
                        .containsExactlyInAnyOrderElementsOf(publicIds));
        // Nothing else waits to be sent to them either.
        List<String> queued = queued(endpoints.get(principal));
        for (Map.Entry<String, String> e : published.entrySet()) {
          if (!publicIds.contains(e.getKey())) {
            assertThat(queued)
                .as(principal + " must never get " + e.getValue() + " about promoter A's case")
                .doesNotContain(e.getKey());
            assertThat(received(receiver, principal, Set.of(e.getKey())))
                .as(principal + " must never get " + e.getValue() + " about promoter A's case")
                .isEmpty();
          }
        }
      }
    }
  }

  private static int first(String type) {
    return type.equals("it.percorsi.participant.registered.v1")
        ? 2
        : type.equals("it.percorsi.dote.assigned.v1") ? 1 : 0;
  }

  private static void replace(ObjectNode payload, String field, String value) {
    if (payload.has(field)) {
      payload.put(field, value);
    }
  }

  private static List<String> received(Receiver receiver, String principal, Set<String> ids) {
    return receiver.calls("/" + principal).stream()
        .map(c -> c.header("webhook-id"))
        .filter(ids::contains)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> queued(String endpoint) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery("SELECT event_id FROM webhook_delivery WHERE endpoint_id = ?1")
                    .setParameter(1, UUID.fromString(endpoint))
                    .getResultList());
  }
}
