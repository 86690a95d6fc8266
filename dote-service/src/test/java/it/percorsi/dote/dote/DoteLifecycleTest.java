package it.percorsi.dote.dote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.support.ActiveDotes;
import it.percorsi.dote.support.Calls;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.Events;
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
@RealInfrastructure
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
  void promoterRequestsAnExtensionAndTheAgencysApprovalGrowsTheAllowance() {
    UUID dote = ActiveDotes.active(programme(5));

    Calls.post("promoter-a", "/dotes/" + dote + "/extension", Map.of("months", 4))
        .statusCode(200)
        .body("state", equalTo("ACTIVE"))
        .body("extensionRequestedMonths", equalTo(4));
    Calls.post("promoter-a", "/dotes/" + dote + "/extension/approval", null).statusCode(403);
    Calls.post("agency-admin", "/dotes/" + dote + "/extension/approval", null)
        .statusCode(200)
        .body("state", equalTo("EXTENDED"))
        .body("extensionMonths", equalTo(4))
        .body("extensionRequestedMonths", nullValue());

    ActiveDotes.read(dote)
        .body(
            "budget.find { it.kind == 'PARTICIPANT_ALLOWANCE' }.committedCents",
            equalTo(10 * 50000));
    Events.Read extended =
        Events.await(
            "percorsi.dotes.v1",
            r ->
                dote.toString().equals(r.key())
                    && "it.percorsi.dote.extended.v1".equals(r.header("ce_type")),
            Duration.ofSeconds(20));
    assertThat(extended.value()).contains("\"addedMonths\":4");
  }

  @Test
  void agencyRefusesARequestedExtensionAndNothingGrows() {
    UUID dote = ActiveDotes.active(programme(5));
    Calls.post("promoter-a", "/dotes/" + dote + "/extension", Map.of("months", 2)).statusCode(200);

    Calls.post(
            "agency-admin",
            "/dotes/" + dote + "/extension/refusal",
            Map.of("reasonCode", "NOT_JUSTIFIED"))
        .statusCode(200)
        .body("state", equalTo("ACTIVE"))
        .body("extensionMonths", equalTo(0))
        .body("extensionRequestedMonths", nullValue());
    Calls.post("agency-admin", "/dotes/" + dote + "/extension/approval", null)
        .statusCode(409)
        .body("type", equalTo("https://percorsi.it/problems/extension-not-requested"));
    ActiveDotes.read(dote)
        .body(
            "budget.find { it.kind == 'PARTICIPANT_ALLOWANCE' }.committedCents",
            equalTo(6 * 50000));
  }

  @Test
  void extensionBeyondTheProgrammeLimitIsRefused() {
    UUID dote = ActiveDotes.active(programme(5));

    Calls.post("promoter-a", "/dotes/" + dote + "/extension", Map.of("months", 7))
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/extension-not-allowed"));
  }

  @Test
  void extendingAReservedDoteIsAnImpossibleTransition() {
    UUID dote = ActiveDotes.assigned(programme(5));

    Calls.post("promoter-a", "/dotes/" + dote + "/extension", Map.of("months", 1))
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/invalid-transition"))
        .body("state", equalTo("ASSIGNED"));
  }

  @Test
  void historyNamesWhoRequestedDecidedAndRevoked() {
    UUID dote = ActiveDotes.active(programme(5));
    Calls.post("promoter-a", "/dotes/" + dote + "/extension", Map.of("months", 1)).statusCode(200);
    Calls.post("agency-admin", "/dotes/" + dote + "/extension/approval", null).statusCode(200);
    Calls.post(
            "agency-admin",
            "/dotes/" + dote + "/revocation",
            Map.of("reasonCode", "IRREGULARITY", "reason", "documents found forged"))
        .statusCode(200);

    Calls.get("promoter-a", "/dotes/" + dote + "/history")
        .statusCode(200)
        .body(
            "action", hasItems("activated", "extension-requested", "extension-approved", "revoked"))
        .body("find { it.action == 'extension-requested' }.by.orgId", equalTo("ORG-PROMOTER-A"))
        .body("find { it.action == 'extension-approved' }.by.orgId", equalTo("AGENCY"))
        .body("find { it.action == 'revoked' }.detail", equalTo("IRREGULARITY"))
        .body("find { it.action == 'revoked' }.by.subject", notNullValue());
    Calls.get("promoter-b", "/dotes/" + dote + "/history").statusCode(404);
  }

  @Test
  void agencyRevokesWithAReasonAndTheReservedPlaceReturns() {
    String programme = programme(1);
    UUID dote = ActiveDotes.assigned(programme);

    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(Map.of("reasonCode", "OTHER"))
        .when()
        .post("/dotes/" + dote + "/revocation")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(Map.of("reasonCode", "IRREGULARITY", "reason", "documents found invalid"))
        .when()
        .post("/dotes/" + dote + "/revocation")
        .then()
        .statusCode(200)
        .body("state", equalTo("REVOKED"))
        .body("closeReason", equalTo("documents found invalid"))
        .body("closeReasonCode", equalTo("IRREGULARITY"));
    Events.Read revoked =
        Events.await(
            "percorsi.dotes.v1",
            r ->
                dote.toString().equals(r.key())
                    && "it.percorsi.dote.revoked.v1".equals(r.header("ce_type")),
            Duration.ofSeconds(20));
    assertThat(revoked.value()).contains("IRREGULARITY").doesNotContain("documents");
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
        .body(Map.of("reasonCode", "OTHER"))
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
        .body(Map.of("reasonCode", "OTHER"))
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
