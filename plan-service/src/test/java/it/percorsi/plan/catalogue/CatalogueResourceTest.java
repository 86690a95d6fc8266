package it.percorsi.plan.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.plan.support.RealInfrastructure;
import it.percorsi.testkit.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
class CatalogueResourceTest {

  @Test
  void catalogueListsTheProgrammesServicesAsMarkedExamples() {
    given()
        .header("Authorization", Tokens.bearer("promoter-a"))
        .when()
        .get("/plans/catalogue")
        .then()
        .statusCode(200)
        .body(
            "code",
            hasItems(
                "INTAKE_PROFILING",
                "SPECIALIST_ORIENTATION",
                "SKILLS_ASSESSMENT",
                "ON_THE_JOB_TRAINING",
                "INTERNSHIP_TUTORING",
                "JOB_SEARCH_SUPPORT",
                "AUTONOMY_SUPPORT",
                "ITALIAN_LANGUAGE"))
        .body("example", everyItem(is(true)))
        .body(
            "find { it.code == 'SPECIALIST_ORIENTATION' }.nameIt", is("Orientamento specialistico"))
        .body("find { it.code == 'SPECIALIST_ORIENTATION' }.nameEn", is("Specialist orientation"))
        .body("find { it.code == 'SPECIALIST_ORIENTATION' }.unit", is("HOUR"))
        .body("find { it.code == 'SPECIALIST_ORIENTATION' }.unitCostCents", is(3500))
        .body("find { it.code == 'SPECIALIST_ORIENTATION' }.maxUnitsPerPlan", is(16))
        .body("find { it.code == 'INTAKE_PROFILING' }.unit", is("OUTCOME"));
  }

  @Test
  void hostGetsNothing() {
    given()
        .header("Authorization", Tokens.bearer("host-acme"))
        .when()
        .get("/plans/catalogue")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void withoutATokenIsA401Problem() {
    given().when().get("/plans/catalogue").then().statusCode(401);
  }
}
