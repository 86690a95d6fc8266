package it.percorsi.participant.participant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
class ParticipantResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Test
  void registerReturns201WithLocationAndTheRecord() {
    Map<String, Object> body = Fixtures.body("083");
    String location =
        Api.registering("promoter-a", body)
            .statusCode(201)
            .contentType("application/json")
            .header("Location", notNullValue())
            .header("ETag", notNullValue())
            .body("taxCode", equalTo(body.get("taxCode")))
            .body("residenceRegion", equalTo("19"))
            .body("ownerOrgId", equalTo("ORG-PROMOTER-A"))
            .extract()
            .header("Location");
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
  void registrationPublishesRegisteredEventWithoutPersonalData() throws Exception {
    Map<String, Object> body = Fixtures.body("082");
    String id = Api.registering("promoter-a", body).statusCode(201).extract().path("id");

    Events.Read event =
        Events.await("percorsi.participants.v1", r -> id.equals(r.key()), Duration.ofSeconds(20));

    assertThat(event.header("ce_type")).isEqualTo("it.percorsi.participant.registered.v1");
    assertThat(event.header("ce_specversion")).isEqualTo("1.0");
    assertThat(event.header("ce_source")).isEqualTo("/percorsi/participant-service");
    assertThat(event.header("ce_subject")).isEqualTo(id);
    assertThat(event.header("ce_id")).isNotBlank();
    assertThat(event.header("ce_time")).isNotBlank();
    assertThat(event.header("content-type")).isEqualTo("application/json");
    JsonNode payload = new ObjectMapper().readTree(event.value());
    assertThat(payload.get("participantId").asText()).isEqualTo(id);
    assertThat(payload.get("provinceCode").asText()).isEqualTo("082");
    assertThat(payload.get("regionCode").asText()).isEqualTo("19");
    assertThat(payload.get("ownerOrgId").asText()).isEqualTo("ORG-PROMOTER-A");
    assertThat(event.value())
        .doesNotContain((String) body.get("taxCode"))
        .doesNotContain("Amadou")
        .doesNotContain("Diallo")
        .doesNotContain("2005-03-14");
  }

  @Test
  void personalDataIsNeverStoredByACacheNorContentSniffed() {
    String id = Api.register("promoter-a", Fixtures.body("083"));

    Api.get("promoter-a", "/participants/" + id)
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff");
    Api.get("promoter-b", "/participants/" + id)
        .statusCode(404)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff");
  }

  @Test
  void anotherOrganisationsParticipantIsNotFound() {
    String id =
        Api.registering("promoter-a", Fixtures.body("083")).statusCode(201).extract().path("id");

    given()
        .auth()
        .oauth2(Tokens.of("promoter-b"))
        .when()
        .get("/participants/" + id)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/not-found"));
  }

  @Test
  void cpiOperatorSeesResidentsOfItsProvinceOnly() {
    String messina =
        Api.registering("promoter-a", Fixtures.body("083")).statusCode(201).extract().path("id");
    String palermo =
        Api.registering("promoter-a", Fixtures.body("082")).statusCode(201).extract().path("id");

    given()
        .auth()
        .oauth2(Tokens.of("cpi-messina"))
        .when()
        .get("/participants/" + messina)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.of("cpi-messina"))
        .when()
        .get("/participants/" + palermo)
        .then()
        .statusCode(404);
  }

  @Test
  void requestWithoutTokenIsRefusedWith401Problem() {
    given()
        .contentType("application/json")
        .body(Fixtures.body("083"))
        .when()
        .post("/participants")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("https://percorsi.it/problems/unauthorized"));
  }

  @Test
  void garbageTokenIsRefusedWith401Problem() {
    given()
        .auth()
        .oauth2("not-a-token")
        .when()
        .get("/participants/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
  }

  @Test
  void hostHasNoAccessToParticipants() {
    Api.registering("host-acme", Fixtures.body("083"))
        .statusCode(403)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/forbidden"));
  }

  @Test
  void invalidFieldsAreRefusedWithFieldErrors() {
    Map<String, Object> body = Fixtures.body("083");
    body.put("taxCode", "RSSMRA85T10A562X");
    body.put("residenceProvince", "999");
    Api.registering("promoter-a", body)
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/validation"))
        .body("errors.field", hasItem("taxCode"))
        .body("errors.field", hasItem("residenceProvince"));
  }

  @Test
  void missingRequiredFieldIsAValidationProblem() {
    Map<String, Object> body = Fixtures.body("083");
    body.remove("birthDate");
    Api.registering("promoter-a", body)
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("birthDate"));
  }

  @Test
  void ownershipFieldInBodyIsRejected() {
    Map<String, Object> body = Fixtures.body("083");
    body.put("ownerOrgId", "ORG-PROMOTER-B");
    Api.registering("promoter-a", body)
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("ownerOrgId"));
  }

  @Test
  void malformedJsonIsAProblemWithoutStackTrace() {
    Api.registering("promoter-a", "{\"taxCode\":")
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/malformed-request"));
  }

  @Test
  void sameTaxCodeTwiceIsAConflictNamingTheExistingIdToItsOwner() {
    Map<String, Object> body = Fixtures.body("083");
    String id = Api.registering("promoter-a", body).statusCode(201).extract().path("id");
    Api.registering("promoter-a", body)
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/duplicate-participant"))
        .body("existingId", equalTo(id));
    Api.registering("promoter-b", body)
        .statusCode(409)
        .body("existingId", org.hamcrest.Matchers.nullValue());
  }
}
