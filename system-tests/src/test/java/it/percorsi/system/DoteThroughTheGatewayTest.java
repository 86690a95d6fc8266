package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A promoter applies for a dote through the gateway: dote-service knows the participant from the
 * bus and asks the real participant-service, with the promoter's token, whether the programme's
 * criteria hold.
 */
class DoteThroughTheGatewayTest {

  private static final String PROGRAMME = "EXAMPLE-PERCORSI-III";
  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  private static Map<String, Object> eligible() {
    return Participants.eligible("083");
  }

  private static String register(Map<String, Object> body) {
    String id =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .contentType("application/json")
            .body(body)
            .when()
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
                    .when()
                    .get("/internal/projections/participants/" + id)
                    .then()
                    .statusCode(200));
    return id;
  }

  private static Map<String, Object> application(String participant) {
    return Map.of(
        "programme", PROGRAMME,
        "participantId", participant,
        "plannedInternshipStart", LocalDate.now().plusDays(20).toString());
  }

  @Test
  void eligibleParticipantGetsADoteFromTheQuotaOfItsRegion() {
    String participant = register(eligible());

    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(application(participant))
        .when()
        .post("/api/dotes")
        .then()
        .statusCode(201)
        .body("state", equalTo("ASSIGNED"))
        .body("regionCode", equalTo("19"))
        .body("programme", equalTo(PROGRAMME));
  }

  @Test
  void participantWhoDidNotEnterAsAMinorIsRefusedWithThatCriterion() {
    Map<String, Object> body = eligible();
    body.put("enteredAsUnaccompaniedMinor", false);
    String participant = register(body);

    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(application(participant))
        .when()
        .post("/api/dotes")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://percorsi.it/problems/not-eligible"))
        .body("failedCriteria.criterion", hasItem("enteredAsUnaccompaniedMinor"));
  }

  @Test
  void anotherPromoterCannotApplyForTheParticipant() {
    String participant = register(eligible());

    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of("promoter-b"))
        .contentType("application/json")
        .body(application(participant))
        .when()
        .post("/api/dotes")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
