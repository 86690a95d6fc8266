package it.percorsi.dote.dote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.support.ActiveDotes;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.DoteTestResources;
import it.percorsi.dote.support.EligibilityStub;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.KafkaResource;
import it.percorsi.testkit.KeycloakResource;
import it.percorsi.testkit.PostgresResource;
import it.percorsi.testkit.TestClock;
import it.percorsi.testkit.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transitions of a dote: extension, revocation, expiry; impossible ones are 409. */
@QuarkusTest
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = DoteTestResources.DATABASE))
@WithTestResource(
    value = KafkaResource.class,
    initArgs = @ResourceArg(name = "topics", value = DoteTestResources.TOPICS))
@WithTestResource(KeycloakResource.class)
@WithTestResource(EligibilityStub.class)
class DoteLifecycleTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject TestClock clock;

  @Inject DoteService service;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static String programme(int places) {
    return DoteFixtures.published(DoteFixtures.programme(Map.of("19", places), null));
  }

  @Test
  void extensionWithinTheProgrammeLimitLengthensTheAllowance() {
    UUID dote = ActiveDotes.active(programme(5));

    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(Map.of("months", 4))
        .when()
        .post("/dotes/" + dote + "/extension")
        .then()
        .statusCode(200)
        .body("state", equalTo("EXTENDED"))
        .body("extensionMonths", equalTo(4));
    ActiveDotes.read(dote)
        .body(
            "budget.find { it.kind == 'PARTICIPANT_ALLOWANCE' }.committedCents",
            equalTo(10 * 50000));
  }

  @Test
  void extensionBeyondTheProgrammeLimitIsRefused() {
    UUID dote = ActiveDotes.active(programme(5));

    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(Map.of("months", 7))
        .when()
        .post("/dotes/" + dote + "/extension")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/extension-not-allowed"));
  }

  @Test
  void extendingAReservedDoteIsAnImpossibleTransition() {
    UUID dote = ActiveDotes.assigned(programme(5));

    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(Map.of("months", 1))
        .when()
        .post("/dotes/" + dote + "/extension")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/invalid-transition"))
        .body("state", equalTo("ASSIGNED"));
  }

  @Test
  void agencyRevokesWithAReasonAndTheReservedPlaceReturns() {
    String programme = programme(1);
    UUID dote = ActiveDotes.assigned(programme);

    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(Map.of("reason", "x"))
        .when()
        .post("/dotes/" + dote + "/revocation")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(Map.of("reason", "documents found invalid"))
        .when()
        .post("/dotes/" + dote + "/revocation")
        .then()
        .statusCode(200)
        .body("state", equalTo("REVOKED"))
        .body("closeReason", equalTo("documents found invalid"));
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/programmes/" + programme + "/quotas")
        .then()
        .body("[0].available", equalTo(1));
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(Map.of("reason", "again"))
        .when()
        .post("/dotes/" + dote + "/revocation")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://percorsi.it/problems/invalid-transition"));
  }

  @Test
  void staleIfMatchOnATransitionIs412() {
    UUID dote = ActiveDotes.active(programme(5));

    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .header("If-Match", "\"0\"")
        .body(Map.of("reason", "late"))
        .when()
        .post("/dotes/" + dote + "/revocation")
        .then()
        .statusCode(412)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/stale-write"));
  }

  @Test
  void reservationNotStartedInTimeExpiresAndItsPlaceReturns() {
    String programme = programme(1);
    UUID dote = ActiveDotes.assigned(programme);
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/programmes/" + programme + "/quotas")
        .then()
        .body("[0].available", equalTo(0));

    clock.advance(Duration.ofDays(61));
    int expired = service.expireOverdue();

    assertThat(expired).isGreaterThanOrEqualTo(1);
    ActiveDotes.read(dote).body("state", equalTo("EXPIRED"));
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/programmes/" + programme + "/quotas")
        .then()
        .body("[0].available", equalTo(1))
        .body("[0].assigned", equalTo(0));
    Events.Read event =
        Events.await(
            "percorsi.dotes.v1",
            r ->
                dote.toString().equals(r.key())
                    && "it.percorsi.dote.expired.v1".equals(r.header("ce_type")),
            Duration.ofSeconds(20));
    assertThat(event.value()).contains(programme);
  }
}
