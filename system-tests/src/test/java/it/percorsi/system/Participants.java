package it.percorsi.system;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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

  /** A valid 11-digit provisional tax code (check digit computed), different each call. */
  public static String provisionalTaxCode() {
    StringBuilder sb = new StringBuilder();
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      int d = ThreadLocalRandom.current().nextInt(10);
      sb.append(d);
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sb.append((10 - sum % 10) % 10).toString();
  }

  public static Map<String, Object> body(String province) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("taxCode", provisionalTaxCode());
    m.put("givenName", "Amadou");
    m.put("familyName", "Diallo");
    m.put("birthDate", "2005-03-14");
    m.put("sex", "M");
    m.put("nationality", "GIN");
    m.put("arrivalDate", "2021-06-02");
    m.put("enteredAsUnaccompaniedMinor", true);
    m.put("residenceProvince", province);
    return m;
  }

  /** An adult who entered as an unaccompanied minor, unemployed, with permit, DID and consent. */
  public static Map<String, Object> eligible(String province) {
    Map<String, Object> body = body(province);
    body.put("employmentStatus", "UNEMPLOYED");
    body.put("unemploymentDeclarationDate", "2024-01-15");
    body.put("serviceAgreementDate", "2024-01-20");
    body.put(
        "permit",
        Map.of(
            "kind", "SPECIAL_PROTECTION",
            "number", "I12345678",
            "expiryDate", java.time.LocalDate.now().plusYears(2).toString()));
    body.put("consent", Map.of("givenBy", "PARTICIPANT", "date", "2024-01-20"));
    return body;
  }
}
