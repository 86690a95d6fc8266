package it.percorsi.system;

import static io.restassured.RestAssured.given;

import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.TestClock;
import java.util.Map;

/** Registration bodies with fresh valid provisional tax codes. */
public final class Participants {

  private Participants() {}

  /** Registers a participant resident in {@code province} through the gateway; its id. */
  static String register(String gateway, String token, String province) {
    return given()
        .baseUri(gateway)
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body(province))
        .when()
        .post("/api/participants")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static Map<String, Object> body(String province) {
    return Registrations.adult(province);
  }

  /** An adult who entered as an unaccompanied minor, unemployed, with permit, DID and consent. */
  public static Map<String, Object> eligible(String province) {
    return Registrations.eligible(province, java.time.LocalDate.now(TestClock.ROME));
  }
}
