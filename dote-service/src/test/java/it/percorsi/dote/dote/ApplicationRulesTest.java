package it.percorsi.dote.dote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import it.percorsi.dote.support.ActiveDotes;
import it.percorsi.dote.support.Calls;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.EligibilityStub;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.TestClock;
import it.percorsi.testkit.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an application must satisfy beyond eligibility: dates, regions, one dote per programme. */
@QuarkusTest
@RealInfrastructure
class ApplicationRulesTest {

  private static final String PROBLEMS = "https://percorsi.it/problems/";

  @Inject TestClock clock;
  @Inject DoteService service;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static String programme() {
    return DoteFixtures.published(DoteFixtures.programme(Map.of("19", 20), null));
  }

  private static UUID participant() {
    return DoteFixtures.participant("19", "083", "ORG-PROMOTER-A");
  }

  private static Map<String, Object> application(String programme, UUID who, LocalDate start) {
    return Map.of(
        "programme",
        programme,
        "participantId",
        who.toString(),
        "plannedInternshipStart",
        start.toString());
  }

  @Test
  void plannedStartInThePastOrAfterTheStartDeadlineIsAFieldErrorAndReservesNothing() {
    String programme = programme();
    UUID who = participant();
    LocalDate today = clock.today();

    for (LocalDate wrong : new LocalDate[] {today.minusDays(1), today.plusDays(61)}) {
      Calls.post("promoter-a", "/dotes", application(programme, who, wrong))
          .statusCode(400)
          .body("type", equalTo(PROBLEMS + "validation"))
          .body("errors[0].field", equalTo("plannedInternshipStart"));
    }
    Calls.get("agency-admin", "/programmes/" + programme + "/quotas")
        .body("[0].assigned", equalTo(0));
    Calls.post("promoter-a", "/dotes", application(programme, who, today.plusDays(60)))
        .statusCode(201)
        .body("startDeadline", equalTo(today.plusDays(60).toString()));
  }

  @Test
  void aRegionWithoutQuotaInTheProgrammeIsRegionNotInProgramme() {
    String programme = programme();
    UUID lombard = DoteFixtures.participant("03", "015", "ORG-PROMOTER-A");

    DoteFixtures.apply("promoter-a", programme, lombard)
        .statusCode(422)
        .body("type", equalTo(PROBLEMS + "region-not-in-programme"))
        .body("regionCode", equalTo("03"));
  }

  @Test
  void aRevokedDoteBarsAnotherOfTheSameProgramme() {
    String programme = programme();
    UUID who = participant();
    String dote =
        DoteFixtures.apply("promoter-a", programme, who).statusCode(201).extract().path("id");
    Calls.post("agency-admin", "/dotes/" + dote + "/revocation", Map.of("reasonCode", "OTHER"))
        .statusCode(200);

    DoteFixtures.apply("promoter-a", programme, who)
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "already-has-dote"));
  }

  @Test
  void aCompletedDoteBarsAnotherOfTheSameProgrammeButNotOfAnother() {
    String programme = programme();
    UUID dote = ActiveDotes.active(programme);
    UUID who = UUID.fromString(ActiveDotes.read(dote).extract().path("participantId"));
    ActiveDotes.publish(
        "percorsi.placements.v1",
        dote.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.placement.internship-completed.v1",
        "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"completedOn\":\"2027-08-31\"}"
            .formatted(UUID.randomUUID(), dote));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> ActiveDotes.read(dote).body("state", equalTo("COMPLETED")));

    DoteFixtures.apply("promoter-a", programme, who)
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "already-has-dote"));
    DoteFixtures.apply("promoter-a", programme(), who).statusCode(201);
  }

  @Test
  void anExpiredReservationDoesNotBarANewApplication() {
    String programme = programme();
    UUID who = participant();
    String first =
        DoteFixtures.apply("promoter-a", programme, who).statusCode(201).extract().path("id");
    clock.advance(Duration.ofDays(61));
    service.expireOverdue();
    ActiveDotes.read(UUID.fromString(first)).body("state", equalTo("EXPIRED"));

    Calls.post("promoter-a", "/dotes", application(programme, who, clock.today().plusDays(10)))
        .statusCode(201);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyDoesNotAskParticipantServiceAgain() {
    String programme = programme();
    UUID who = participant();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = DoteFixtures.application(programme, who);
    String first = withKey(key, body).statusCode(201).extract().path("id");
    int callsAfterFirst = EligibilityStub.calls();

    String again =
        withKey(key, body)
            .statusCode(201)
            .header("Idempotent-Replayed", "true")
            .extract()
            .path("id");

    assertThat(again).isEqualTo(first);
    assertThat(EligibilityStub.calls()).isEqualTo(callsAfterFirst);
  }

  private static io.restassured.response.ValidatableResponse withKey(
      String key, Map<String, Object> body) {
    return RestAssured.given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/dotes")
        .then();
  }
}
