package it.percorsi.dote.programme;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Programmes: rules as data, defined and published by the agency, read by everyone. */
@QuarkusTest
@RealInfrastructure
class ProgrammeResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Test
  void theTwoExampleProgrammesAreShippedAndMarkedAsExamples() {
    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .when()
        .get("/programmes")
        .then()
        .statusCode(200)
        .body("code", hasItems("EXAMPLE-PERCORSI-III", "EXAMPLE-PERCORSI-4-SUD"))
        .body("find { it.code == 'EXAMPLE-PERCORSI-III' }.example", equalTo(true))
        .body("find { it.code == 'EXAMPLE-PERCORSI-III' }.criteria.maxAgeExclusive", equalTo(23))
        .body("find { it.code == 'EXAMPLE-PERCORSI-III' }.internshipMonths", equalTo(5))
        .body("find { it.code == 'EXAMPLE-PERCORSI-4-SUD' }.maxExtensionMonths", equalTo(6))
        .body(
            "find { it.code == 'EXAMPLE-PERCORSI-4-SUD' }.quotas.regionCode",
            hasItems("15", "16", "17", "18", "19"));
  }

  @Test
  void agencyCreatesADraftAndPublishingItEmitsPublished() {
    Map<String, Object> p = DoteFixtures.programme(Map.of("19", 10, "15", 5), 3);
    String code = (String) p.get("code");
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(p)
        .when()
        .post("/programmes")
        .then()
        .statusCode(201)
        .body("state", equalTo("DRAFT"))
        .body("promoterCap", equalTo(3));
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .post("/programmes/" + code + "/publication")
        .then()
        .statusCode(200)
        .body("state", equalTo("PUBLISHED"));

    Events.Read published =
        Events.await(
            "percorsi.dotes.v1",
            r ->
                code.equals(r.key())
                    && "it.percorsi.programme.published.v1".equals(r.header("ce_type")),
            Duration.ofSeconds(20));
    // The rules plan- and placement-service need travel with the event.
    assertThat(published.value())
        .contains("\"internshipMonths\":6")
        .contains("\"maxExtensionMonths\":6")
        .contains("\"monthlyAllowanceCents\":50000")
        .contains("\"attendanceThresholdPercent\":70")
        .contains("\"hostContributionCents\":60000")
        .contains("\"hostContributionOnInterruption\":\"NONE\"")
        .contains("\"promoterServicesCents\":284000")
        .contains("\"clearanceToStartDays\":60");
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .post("/programmes/" + code + "/publication")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
  }

  @Test
  void quotasThatDoNotAddUpToTheTotalAreRefused() {
    Map<String, Object> p = DoteFixtures.programme(Map.of("19", 10), null);
    p.put("totalDotes", 11);
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(p)
        .when()
        .post("/programmes")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("quotas"));
  }

  @Test
  void onlyTheAgencyCreatesProgrammes() {
    for (String who :
        new String[] {"promoter-a", "cpi-messina", "auditor", "host-acme", "integrator"}) {
      given()
          .auth()
          .oauth2(Tokens.of(who))
          .contentType("application/json")
          .body(DoteFixtures.programme(Map.of("19", 1), null))
          .when()
          .post("/programmes")
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
    }
  }

  @Test
  void unknownProgrammeIsNotFound() {
    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .when()
        .get("/programmes/NOPE")
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
  }
}
