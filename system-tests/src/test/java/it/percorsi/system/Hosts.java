package it.percorsi.system;

import static io.restassured.RestAssured.given;

import it.percorsi.testkit.Tokens;
import java.util.List;
import java.util.Map;

/** The host of the internship tests: a mechanical workshop of Messina with 12 employees. */
final class Hosts {

  static final String COMPANY_TUTOR = "Giulia Verdi";

  private Hosts() {}

  /** Registers the host with {@code taxCode} as promoter A, for host-acme; its id. */
  static String officinePeloritane(String gateway, String taxCode) {
    return given()
        .baseUri(gateway)
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(
            Map.of(
                "taxCode", taxCode,
                "name", "Officine Peloritane S.r.l.",
                "legalForm", "SRL",
                "nonProfit", false,
                "atecoCode", "25.62.00",
                "siteMunicipality", "083048",
                "employees", 12,
                "tutors", List.of(Map.of("fullName", COMPANY_TUTOR)),
                "hostOrgId", "HOST-ACME"))
        .when()
        .post("/api/employers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
