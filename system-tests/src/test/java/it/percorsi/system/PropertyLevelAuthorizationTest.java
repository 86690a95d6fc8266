package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.percorsi.system.SecurityMatrix.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OWASP API3:2023 Broken Object Property Level Authorization: what a caller sends cannot set the
 * owner, state, version or id of a record (mass assignment), and what it gets back is what the
 * published contract says, never an internal field.
 */
class PropertyLevelAuthorizationTest {

  /** Fields no response may carry, whatever the contract says. */
  private static final Set<String> INTERNAL =
      Set.of(
          "password",
          "secret",
          "hibernateLazyInitializer",
          "persistent",
          "outbox",
          "inbox",
          "deleted",
          "handler");

  private static Stack stack;
  private static JsonPath openapi;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
    openapi = given().baseUri(stack.gateway()).get("/openapi").then().extract().jsonPath();
  }

  @Test
  void ownershipStateVersionAndIdInARegistrationAreRejectedOrIgnored() {
    String forcedId = UUID.randomUUID().toString();
    Map<String, Object> body = new LinkedHashMap<>(Participants.body("083"));
    body.put("id", forcedId);
    body.put("ownerOrgId", "ORG-PROMOTER-B");
    body.put("orgId", "ORG-PROMOTER-B");
    body.put("version", 99);
    body.put("state", "ERASED");
    body.put("registeredAt", "2000-01-01T00:00:00Z");
    Response r =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Principal.PROMOTER_A.token())
            .contentType("application/json")
            .body(body)
            .when()
            .post("/api/participants");
    if (r.statusCode() == 400) {
      Problems.assertProblem(r, 400, "mass assignment");
      return;
    }
    assertThat(r.statusCode()).as("registration with extra fields").isEqualTo(201);
    assertThat(r.<String>path("id")).isNotEqualTo(forcedId);
    assertThat(r.<String>path("ownerOrgId")).isEqualTo("ORG-PROMOTER-A");
    assertThat(r.header("ETag")).doesNotContain("99");
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Principal.PROMOTER_B.token())
        .when()
        .get("/api/participants/" + r.<String>path("id"))
        .then()
        .statusCode(404);
  }

  @Test
  void aParticipantCarriesOnlyTheFieldsOfItsPublishedSchema() {
    String id = Participants.register(stack.gateway(), Principal.PROMOTER_A.token(), "083");
    Map<String, Object> participant =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Principal.PROMOTER_A.token())
            .when()
            .get("/api/participants/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("");
    assertOnlyDocumentedFields(participant, "/api/participants/{id}");
  }

  @Test
  void programmesCarryOnlyTheFieldsOfTheirPublishedSchema() {
    List<Map<String, Object>> programmes =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Principal.AUDITOR.token())
            .when()
            .get("/api/programmes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("");
    for (Map<String, Object> programme : programmes) {
      assertOnlyDocumentedFields(programme, "/api/programmes/{code}");
    }
  }

  /** Every top-level field is a property of the 200 response schema of GET {@code path}. */
  private static void assertOnlyDocumentedFields(Map<String, Object> body, String path) {
    Map<String, Object> get = openapi.getMap("paths.'" + path + "'.get");
    assertThat(get).as("GET " + path + " in the merged OpenAPI").isNotNull();
    String ref =
        openapi.getString(
            "paths.'" + path + "'.get.responses.'200'.content.'application/json'.schema.$ref");
    assertThat(ref).as("200 schema of GET " + path).isNotNull();
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    Map<String, Object> properties = openapi.getMap("components.schemas." + name + ".properties");
    assertThat(properties).as("properties of " + name).isNotNull();
    assertThat(properties.keySet()).as("fields of " + path).containsAll(body.keySet());
    for (String field : body.keySet()) {
      assertThat(INTERNAL).as("internal field in " + path).doesNotContain(field);
    }
  }
}
