package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import it.percorsi.testkit.Tokens;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The sandbox business clock of the packaged platform: the agency moves it forward for every
 * service, the daily jobs run for the days passed before the answer, it never goes back, a promoter
 * cannot move it, and a restarted service keeps the date. Runs after every test that reads the
 * wall-clock date.
 */
@Order(Integer.MAX_VALUE - 2)
class SandboxClockTest {

  private static final String PROBLEM = "application/problem+json";
  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  private static ValidatableResponse clock(String principal) {
    return given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of(principal))
        .when()
        .get("/api/sandbox/clock")
        .then();
  }

  private static ValidatableResponse move(String principal, LocalDate to) {
    return given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of(principal))
        .contentType("application/json")
        .body(Map.of("today", to.toString()))
        .when()
        .put("/api/sandbox/clock")
        .then();
  }

  private static String assignedDote() {
    String participant =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .contentType("application/json")
            .body(Participants.eligible("083"))
            .when()
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .baseUri(stack.gateway())
                    .auth()
                    .oauth2(Tokens.of("promoter-a"))
                    .contentType("application/json")
                    .body(
                        Map.of(
                            "programme",
                            "EXAMPLE-PERCORSI-III",
                            "participantId",
                            participant,
                            "plannedInternshipStart",
                            today().plusDays(20).toString()))
                    .when()
                    .post("/api/dotes")
                    .then()
                    .extract(),
            r -> r.statusCode() == 201)
        .path("id");
  }

  private static LocalDate today() {
    return LocalDate.parse(clock("promoter-a").statusCode(200).extract().path("today"));
  }

  @Test
  void theAgencyMovesTheDateForwardForEveryServiceNeverBackAndARestartKeepsIt() {
    LocalDate today = today();
    String dote = assignedDote();
    move("promoter-a", today.plusDays(1)).statusCode(403).contentType(PROBLEM);

    LocalDate later = today.plusDays(61);
    move("agency-admin", later).statusCode(200).body("today", equalTo(later.toString()));

    // The reservation's start deadline (60 days) passed on the way: dote-service's daily job ran.
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/api/dotes/" + dote)
        .then()
        .statusCode(200)
        .body("state", equalTo("EXPIRED"))
        .body("closedOn", equalTo(today.plusDays(61).toString()));
    move("agency-admin", later.minusDays(1))
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/clock-cannot-go-back"));

    stack.restart("dote-service");
    assertThat(today()).isEqualTo(later);
  }
}
