package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import it.percorsi.testkit.KeycloakServer;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A partner system's view: real tokens, the gateway, the services as packaged, the bus. */
class ThroughTheGatewayTest {

  private static final String PROBLEM = "application/problem+json";
  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  @Test
  void registrationThroughTheGatewayReachesAllThreeProjections() {
    String id =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .contentType("application/json")
            .body(Participants.body("083"))
            .when()
            .post("/api/participants")
            .then()
            .statusCode(201)
            .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
            .extract()
            .path("id");

    for (String service : List.of("dote-service", "plan-service", "placement-service")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  given()
                      .baseUri(stack.service(service).url())
                      .auth()
                      .oauth2(Tokens.of("agency-admin"))
                      .when()
                      .get("/internal/projections/participants/" + id)
                      .then()
                      .statusCode(200)
                      .body("provinceCode", equalTo("083"))
                      .body("ownerOrgId", equalTo("ORG-PROMOTER-A")));
    }
  }

  @Test
  void locationOfACreatedParticipantIsThePublicGatewayUrl() {
    String location =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .contentType("application/json")
            .body(Participants.body("083"))
            .when()
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");

    org.assertj.core.api.Assertions.assertThat(location)
        .startsWith(stack.gateway() + "/api/participants/");
    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .when()
        .get(location)
        .then()
        .statusCode(200)
        .body("residenceProvince", equalTo("083"));
  }

  @Test
  void gatewayRefusesARequestWithoutTokenWith401Problem() {
    given()
        .baseUri(stack.gateway())
        .when()
        .get("/api/participants/" + UUID.randomUUID())
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("https://percorsi.it/problems/unauthorized"));
  }

  @Test
  void gatewayRefusesATokenSignedByAnotherKeyWith401Problem() {
    String forged = ForgedTokens.signedByAnotherKey(KeycloakServer.realmUrl());
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(forged)
        .contentType("application/json")
        .body(Participants.body("083"))
        .when()
        .post("/api/participants")
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
  }

  @Test
  void gatewayRefusesATokenOfAnotherRealmWith401Problem() {
    String other = Tokens.ofOtherRealm("other", "intruder", "intruder-secret");
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(other)
        .when()
        .get("/api/participants/" + UUID.randomUUID())
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
  }

  @Test
  void gatewayRefusesAnExpiredTokenWith401Problem() {
    String token = Tokens.of("short-lived-test");
    // The token lives 1 s; the gateway allows 5 s of clock skew.
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(token)
        .when()
        .get("/api/participants/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    await()
        .pollDelay(Duration.ofSeconds(6))
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .baseUri(stack.gateway())
                    .auth()
                    .oauth2(token)
                    .when()
                    .get("/api/participants/" + UUID.randomUUID())
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM));
  }

  @Test
  void serviceCalledDirectlyWithoutTokenAnswers401Problem() {
    given()
        .baseUri(stack.service("participant-service").url())
        .contentType("application/json")
        .body(Participants.body("083"))
        .when()
        .post("/participants")
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
  }

  @Test
  void gatewayDoesNotExposeTheServicesManagementEndpoints() {
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/q/health")
        .then()
        .statusCode(404);
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/api/participants/../q/metrics")
        .then()
        .statusCode(org.hamcrest.Matchers.not(200));
  }

  @Test
  void hostRoleCannotRegisterParticipantsAtTheGateway() {
    Map<String, Object> body = Participants.body("083");
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of("host-acme"))
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/participants")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
  }
}
