package it.percorsi.dote.dote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.EligibilityStub;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Applying for a dote through the HTTP API: the assignment and every refusal reason. */
@QuarkusTest
@RealInfrastructure
class DoteApplicationTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String PROMOTER_A = "ORG-PROMOTER-A";

  private static String programme(int places, Integer cap) {
    return DoteFixtures.published(DoteFixtures.programme(Map.of("19", places), cap));
  }

  @Test
  void applicationAssignsADoteAndPublishesAssigned() {
    String programme = programme(5, null);
    UUID participant = DoteFixtures.participant("19", "083", PROMOTER_A);

    String id =
        DoteFixtures.apply("promoter-a", programme, participant)
            .statusCode(201)
            .header("Location", notNullValue())
            .body("state", equalTo("ASSIGNED"))
            .body("regionCode", equalTo("19"))
            .body("promoterOrgId", equalTo(PROMOTER_A))
            .body("startDeadline", equalTo(DoteFixtures.today().plusDays(60).toString()))
            .extract()
            .path("id");

    Events.Read event =
        Events.await("percorsi.dotes.v1", r -> id.equals(r.key()), Duration.ofSeconds(20));
    assertThat(event.header("ce_type")).isEqualTo("it.percorsi.dote.assigned.v1");
    assertThat(event.value()).contains(participant.toString()).contains(programme);
  }

  @Test
  void retryWithTheSameIdempotencyKeyReturnsTheFirstDoteAndReservesOnce() {
    String programme = programme(5, null);
    UUID participant = DoteFixtures.participant("19", "083", PROMOTER_A);
    String key = UUID.randomUUID().toString();

    String first =
        given()
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .contentType("application/json")
            .header("Idempotency-Key", key)
            .body(DoteFixtures.application(programme, participant))
            .when()
            .post("/dotes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .header("Idempotency-Key", key)
        .body(DoteFixtures.application(programme, participant))
        .when()
        .post("/dotes")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/programmes/" + programme + "/quotas")
        .then()
        .body("[0].assigned", equalTo(1));
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIsRefused() {
    String programme = programme(5, null);
    String key = UUID.randomUUID().toString();
    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .header("Idempotency-Key", key)
        .body(
            DoteFixtures.application(programme, DoteFixtures.participant("19", "083", PROMOTER_A)))
        .when()
        .post("/dotes")
        .then()
        .statusCode(201);

    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .header("Idempotency-Key", key)
        .body(
            DoteFixtures.application(programme, DoteFixtures.participant("19", "083", PROMOTER_A)))
        .when()
        .post("/dotes")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/idempotency-key-reused"));
  }

  @Test
  void ineligibleParticipantIsRefusedWithTheFailedCriteria() {
    String programme = programme(5, null);
    UUID participant = DoteFixtures.participant("19", "083", PROMOTER_A);
    EligibilityStub.markIneligible(participant);

    DoteFixtures.apply("promoter-a", programme, participant)
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/not-eligible"))
        .body("failedCriteria.criterion", hasItem("maximumAge"))
        .body("failedCriteria.size()", equalTo(1));
  }

  @Test
  void erasedParticipantIsRefusedAsNotEligible() {
    String programme = programme(5, null);
    UUID participant = DoteFixtures.participant("19", "083", PROMOTER_A);
    EligibilityStub.markErased(participant);

    DoteFixtures.apply("promoter-a", programme, participant)
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/not-eligible"))
        .body("failedCriteria.criterion", hasItem("record"));
  }

  @Test
  void applicationPastTheRegionalQuotaIsRefused() {
    String programme = programme(1, null);
    DoteFixtures.apply("promoter-a", programme, DoteFixtures.participant("19", "083", PROMOTER_A))
        .statusCode(201);

    DoteFixtures.apply("promoter-a", programme, DoteFixtures.participant("19", "083", PROMOTER_A))
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/quota-exhausted"))
        .body("regionCode", equalTo("19"));
  }

  @Test
  void applicationPastThePromoterCapIsRefused() {
    String programme = programme(10, 1);
    DoteFixtures.apply("promoter-a", programme, DoteFixtures.participant("19", "083", PROMOTER_A))
        .statusCode(201);

    DoteFixtures.apply("promoter-a", programme, DoteFixtures.participant("19", "083", PROMOTER_A))
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/promoter-cap-reached"));
  }

  @Test
  void secondDoteOfTheSamePersonIsRefused() {
    String first = programme(5, null);
    String second = programme(5, null);
    UUID participant = DoteFixtures.participant("19", "083", PROMOTER_A);
    DoteFixtures.apply("promoter-a", first, participant).statusCode(201);

    for (String programme : new String[] {first, second}) {
      DoteFixtures.apply("promoter-a", programme, participant)
          .statusCode(409)
          .contentType(PROBLEM)
          .body("type", equalTo("https://percorsi.it/problems/already-has-dote"));
    }
  }

  @Test
  void applicationOutsideTheWindowIsRefusedAsProgrammeClosed() {
    Map<String, Object> p = DoteFixtures.programme(Map.of("19", 5), null);
    p.put("applicationOpens", DoteFixtures.today().minusYears(2).toString());
    p.put("applicationCloses", DoteFixtures.today().minusYears(1).toString());
    String programme = DoteFixtures.published(p);

    DoteFixtures.apply("promoter-a", programme, DoteFixtures.participant("19", "083", PROMOTER_A))
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/programme-closed"));
  }

  @Test
  void unreachableEligibilityCheckAnswers503WithRetryAfterAndReservesNothing() {
    String programme = programme(3, null);
    UUID participant = DoteFixtures.participant("19", "083", PROMOTER_A);
    EligibilityStub.markSlow(participant);

    DoteFixtures.apply("promoter-a", programme, participant)
        .statusCode(503)
        .contentType(PROBLEM)
        .header("Retry-After", notNullValue())
        .body("type", equalTo("https://percorsi.it/problems/eligibility-unavailable"));

    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/programmes/" + programme + "/quotas")
        .then()
        .statusCode(200)
        .body("[0].assigned", equalTo(0))
        .body("[0].available", equalTo(3))
        .body("[0].exhaustedOn", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void participantOfAnotherOrganisationIsNotFound() {
    String programme = programme(5, null);
    UUID participant = DoteFixtures.participant("19", "083", "ORG-PROMOTER-B");

    DoteFixtures.apply("promoter-a", programme, participant).statusCode(404).contentType(PROBLEM);
  }

  @Test
  void anotherOrganisationsDoteIsNotFoundAndTheCpiOfItsProvinceSeesIt() {
    String programme = programme(5, null);
    String id =
        DoteFixtures.apply(
                "promoter-a", programme, DoteFixtures.participant("19", "083", PROMOTER_A))
            .statusCode(201)
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(Tokens.of("promoter-b"))
        .when()
        .get("/dotes/" + id)
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
    given()
        .auth()
        .oauth2(Tokens.of("cpi-palermo"))
        .when()
        .get("/dotes/" + id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.of("cpi-messina"))
        .when()
        .get("/dotes/" + id)
        .then()
        .statusCode(200)
        .body("state", equalTo("ASSIGNED"));
    given().auth().oauth2(Tokens.of("auditor")).when().get("/dotes/" + id).then().statusCode(200);
  }

  @Test
  void listShowsOnlyTheCallersDotesPageByPage() {
    String programme = programme(5, null);
    for (int i = 0; i < 3; i++) {
      DoteFixtures.apply("promoter-a", programme, DoteFixtures.participant("19", "083", PROMOTER_A))
          .statusCode(201);
    }

    var first =
        given()
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .queryParam("programme", programme)
            .queryParam("limit", 2)
            .when()
            .get("/dotes")
            .then()
            .statusCode(200)
            .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""))
            .body("items", org.hamcrest.Matchers.hasSize(2))
            .extract();
    String next = first.path("next");
    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .queryParam("programme", programme)
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .when()
        .get("/dotes")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.hasSize(1))
        .body("next", org.hamcrest.Matchers.nullValue());
    given()
        .auth()
        .oauth2(Tokens.of("promoter-b"))
        .queryParam("programme", programme)
        .when()
        .get("/dotes")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.hasSize(0));
  }

  @Test
  void onlyPromotersApply() {
    String programme = programme(5, null);
    DoteFixtures.apply("host-acme", programme, DoteFixtures.participant("19", "083", PROMOTER_A))
        .statusCode(403)
        .contentType(PROBLEM);
  }
}
