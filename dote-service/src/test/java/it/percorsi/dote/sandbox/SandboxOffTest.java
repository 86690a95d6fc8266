package it.percorsi.dote.sandbox;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.support.Calls;
import it.percorsi.dote.support.RealInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without sandbox mode (the default, and production) the business clock cannot be read or moved.
 */
@QuarkusTest
@RealInfrastructure
class SandboxOffTest {

  @Test
  void withSandboxModeOffTheClockRouteDoesNotExist() {
    Calls.get("agency-admin", "/sandbox/clock")
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://percorsi.it/problems/not-found"));
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(it.percorsi.testkit.Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(Map.of("today", "2099-01-01"))
        .when()
        .put("/sandbox/clock")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
