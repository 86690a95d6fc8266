package it.percorsi.placement.employer;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.placement.Api;
import it.percorsi.placement.Fixtures;
import it.percorsi.placement.RealInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
class EmployerResourceTest {

  @Test
  void registerReturns201WithLocationEtagAndTheLimitForItsSize() {
    Map<String, Object> body = Fixtures.employer(12);
    String location =
        Api.post("promoter-a", "/employers", body)
            .statusCode(201)
            .contentType("application/json")
            .header("Location", notNullValue())
            .header("ETag", equalTo("\"0\""))
            .body("taxCode", equalTo(body.get("taxCode")))
            .body("siteProvince", equalTo("083"))
            .body("concurrentInternLimit", equalTo(2))
            .body("registeredByOrgId", equalTo("ORG-PROMOTER-A"))
            .extract()
            .header("Location");
    Api.as("promoter-a").when().get(location).then().statusCode(200).body("employees", equalTo(12));
  }

  @Test
  void aWrongCheckDigitIsAFieldError() {
    Map<String, Object> body = Fixtures.employer();
    String valid = (String) body.get("taxCode");
    char wrong = (char) ('0' + (valid.charAt(10) - '0' + 1) % 10);
    body.put("taxCode", valid.substring(0, 10) + wrong);
    body.put("atecoCode", "2562");
    Api.post("promoter-a", "/employers", body)
        .statusCode(400)
        .contentType(Api.PROBLEM)
        .body("type", equalTo(Api.PROBLEMS + "validation"))
        .body("errors.field", contains("atecoCode", "taxCode"));
  }

  @Test
  void theSameTaxCodeTwiceIsAConflictNamingTheExistingEmployer() {
    Map<String, Object> body = Fixtures.employer();
    String id = Fixtures.registerEmployer(body);
    Api.post("promoter-b", "/employers", body)
        .statusCode(409)
        .contentType(Api.PROBLEM)
        .body("type", equalTo(Api.PROBLEMS + "duplicate-employer"))
        .body("existingId", equalTo(id));
  }

  @Test
  void aChangeNeedsTheCurrentEtagAndIsInTheHistory() {
    Map<String, Object> body = Fixtures.employer(5);
    String id = Fixtures.registerEmployer(body);
    body.put("employees", 25);
    Api.put("promoter-a", "/employers/" + id, null, body)
        .statusCode(428)
        .body("type", equalTo(Api.PROBLEMS + "precondition-required"));
    Api.put("promoter-a", "/employers/" + id, "\"7\"", body)
        .statusCode(412)
        .body("type", equalTo(Api.PROBLEMS + "stale-write"));
    Api.put("promoter-a", "/employers/" + id, "\"0\"", body)
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("employees", equalTo(25))
        .body("concurrentInternLimit", equalTo(2));
    Api.get("agency-admin", "/employers/" + id + "/history")
        .statusCode(200)
        .body("action", contains("registered", "updated"))
        .body("[1].detail", equalTo("employees"))
        .body("[1].by.orgId", equalTo("ORG-PROMOTER-A"));
  }

  @Test
  void theTaxCodeCannotChange() {
    Map<String, Object> body = Fixtures.employer();
    String id = Fixtures.registerEmployer(body);
    body.put("taxCode", Fixtures.partitaIva());
    Api.put("promoter-a", "/employers/" + id, "\"0\"", body)
        .statusCode(400)
        .body("errors[0].field", equalTo("taxCode"));
  }

  @Test
  void aHostSeesOnlyItsOwnOrganisationsRecord() {
    String own = Fixtures.registerEmployer(Fixtures.employer());
    Map<String, Object> other = Fixtures.employer();
    other.put("hostOrgId", "HOST-OTHER");
    String others = Fixtures.registerEmployer(other);
    Api.get("host-acme", "/employers/" + own).statusCode(200);
    Api.get("host-acme", "/employers/" + others)
        .statusCode(404)
        .contentType(Api.PROBLEM)
        .body("type", equalTo(Api.PROBLEMS + "not-found"));
    Api.get("host-acme", "/employers?limit=100")
        .statusCode(200)
        .body("items.id", hasItem(own))
        .body("items.id", not(hasItem(others)))
        .body("items.hostOrgId", not(hasItem("HOST-OTHER")));
  }

  @Test
  void aCpiOperatorSeesSitesOfItsProvincesOnly() {
    Map<String, Object> palermo = Fixtures.employer();
    palermo.put("siteMunicipality", "082053");
    String id = Fixtures.registerEmployer(palermo);
    Api.get("cpi-messina", "/employers/" + id).statusCode(404);
    Api.get("cpi-palermo", "/employers/" + id).statusCode(200);
  }

  @Test
  void aHostCannotRegisterAnEmployer() {
    Api.post("host-acme", "/employers", Fixtures.employer())
        .statusCode(403)
        .contentType(Api.PROBLEM);
  }

  @Test
  void listFiltersByTaxCodeAndPages() {
    Map<String, Object> body = Fixtures.employer();
    String id = Fixtures.registerEmployer(body);
    Api.get("promoter-b", "/employers?taxCode=" + body.get("taxCode"))
        .statusCode(200)
        .body("items.id", contains(id))
        .body("next", nullValue());
    Fixtures.registerEmployer(Fixtures.employer());
    Api.get("agency-admin", "/employers?limit=1")
        .statusCode(200)
        .header("Link", notNullValue())
        .body("next", notNullValue());
  }
}
