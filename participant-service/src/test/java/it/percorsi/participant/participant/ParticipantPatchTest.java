package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.PROBLEM;
import static it.percorsi.participant.participant.Api.PROBLEMS;
import static it.percorsi.participant.participant.Api.as;
import static it.percorsi.participant.participant.Api.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PATCH /participants/{id}}: JSON Merge Patch with If-Match, and the audit trail. */
@QuarkusTest
@RealInfrastructure
class ParticipantPatchTest {

  private static Map<String, Object> nulling(String field) {
    Map<String, Object> m = new HashMap<>();
    m.put(field, null);
    return m;
  }

  @Test
  void patchChangesTheFieldAndAnswersWithTheNewEtag() {
    String id = Api.register("promoter-a", Fixtures.complete());
    String before = Api.etag(id);

    String after =
        patch("promoter-a", id, before, Map.of("employmentStatus", "EMPLOYED"))
            .statusCode(200)
            .body("employmentStatus", equalTo("EMPLOYED"))
            .body("unemploymentDeclarationDate", equalTo("2024-01-15"))
            .extract()
            .header("ETag");

    assertThat(after).isNotEqualTo(before).isEqualTo(Api.etag(id));
  }

  @Test
  void patchWithAStaleEtagIsRefusedWith412() {
    String id = Api.register("promoter-a", Fixtures.complete());
    String stale = Api.etag(id);
    patch("promoter-a", id, stale, Map.of("yearsOfSchooling", 10)).statusCode(200);

    patch("promoter-a", id, stale, Map.of("yearsOfSchooling", 11))
        .statusCode(412)
        .contentType(PROBLEM)
        .body("type", equalTo(PROBLEMS + "stale-write"))
        .body("currentEtag", equalTo(Api.etag(id)));
  }

  @Test
  void patchWithoutIfMatchIsRefusedWith428() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, null, Map.of("yearsOfSchooling", 10))
        .statusCode(428)
        .contentType(PROBLEM)
        .body("type", equalTo(PROBLEMS + "precondition-required"));
  }

  @Test
  void patchAsPlainJsonIsAnUnsupportedMediaType() {
    String id = Api.register("promoter-a", Fixtures.complete());

    as("promoter-a")
        .contentType("application/json")
        .header("If-Match", Api.etag(id))
        .body(Map.of("yearsOfSchooling", 10))
        .when()
        .patch("/participants/" + id)
        .then()
        .statusCode(415)
        .contentType(PROBLEM);
  }

  @Test
  void patchSettingTheOwnerIsRefused() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, Map.of("ownerOrgId", "ORG-PROMOTER-B"))
        .statusCode(400)
        .body("errors.field", hasItem("ownerOrgId"));
    Api.get("promoter-a", "/participants/" + id).body("ownerOrgId", equalTo("ORG-PROMOTER-A"));
  }

  @Test
  void patchOfAFieldTheServiceKeepsIsRefused() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, Map.of("registeredAt", "2020-01-01T00:00:00Z"))
        .statusCode(400)
        .body("errors.field", hasItem("registeredAt"));
  }

  @Test
  void patchOfAnUnknownFieldIsRefused() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, Map.of("shoeSize", 42))
        .statusCode(400)
        .body("errors.field", hasItem("shoeSize"));
  }

  @Test
  void patchRemovingARequiredFieldIsAValidationProblem() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, nulling("givenName"))
        .statusCode(400)
        .body("errors.field", hasItem("givenName"));
  }

  @Test
  void patchRemovingAnOptionalFieldRemovesIt() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, nulling("italianLevel"))
        .statusCode(200)
        .body("italianLevel", nullValue());
  }

  @Test
  void patchOfANestedFieldKeepsItsSiblings() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, Map.of("permit", Map.of("expiryDate", "2031-01-31")))
        .statusCode(200)
        .body("permit.expiryDate", equalTo("2031-01-31"))
        .body("permit.number", equalTo("I12345678"));
  }

  @Test
  void patchBreakingARuleIsAValidationProblem() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, Map.of("residenceMunicipality", "082053"))
        .statusCode(400)
        .body("errors.field", hasItem("residenceMunicipality"));
  }

  @Test
  void movingToAnotherProvinceDerivesItsRegion() {
    String id = Api.register("promoter-a", Fixtures.body("083"));

    patch("promoter-a", id, Map.of("residenceProvince", "001"))
        .statusCode(200)
        .body("residenceProvince", equalTo("001"))
        .body("residenceRegion", equalTo("01"));
  }

  @Test
  void aCpiOperatorCannotMoveAParticipantOutOfTheProvincesItServes() {
    String id = Api.register("promoter-a", Fixtures.body("083"));
    String before = Api.etag(id);

    patch("cpi-messina", id, Map.of("residenceProvince", "082"))
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "province-not-served"));
    Api.as("agency-admin")
        .get("/participants/" + id)
        .then()
        .body("residenceProvince", equalTo("083"));
    org.assertj.core.api.Assertions.assertThat(Api.etag(id)).isEqualTo(before);
  }

  @Test
  void patchThatChangesNothingKeepsTheVersion() {
    String id = Api.register("promoter-a", Fixtures.complete());
    String etag = Api.etag(id);

    patch("promoter-a", id, etag, Map.of("givenName", "Amadou"))
        .statusCode(200)
        .header("ETag", equalTo(etag));
    Api.get("promoter-a", "/participants/" + id + "/history").body("$", hasSize(1));
  }

  @Test
  void provisionalTaxCodeIsReplacedByTheDefinitiveOneKeepingTheOld() {
    Map<String, Object> body = Fixtures.complete();
    String provisional = (String) body.get("taxCode");
    String definitive = Fixtures.definitiveTaxCode(LocalDate.parse("2005-03-14"), "M");
    String id = Api.register("promoter-a", body);

    patch("promoter-a", id, Map.of("taxCode", definitive))
        .statusCode(200)
        .body("taxCode", equalTo(definitive))
        .body("taxCodeHistory.taxCode", org.hamcrest.Matchers.contains(provisional, definitive))
        .body("taxCodeHistory[0].kind", equalTo("PROVISIONAL"))
        .body("taxCodeHistory[0].replacedAt", org.hamcrest.Matchers.notNullValue())
        .body("taxCodeHistory[1].kind", equalTo("DEFINITIVE"));
  }

  @Test
  void replacedProvisionalTaxCodeCannotBeRegisteredAgain() {
    Map<String, Object> body = Fixtures.complete();
    String id = Api.register("promoter-a", body);
    patch(
            "promoter-a",
            id,
            Map.of("taxCode", Fixtures.definitiveTaxCode(LocalDate.parse("2005-03-14"), "M")))
        .statusCode(200);

    Api.registering("promoter-a", body).statusCode(409).body("existingId", equalTo(id));
  }

  @Test
  void definitiveTaxCodeCannotBeReplaced() {
    Map<String, Object> body = Fixtures.complete();
    body.put("taxCode", Fixtures.definitiveTaxCode(LocalDate.parse("2005-03-14"), "M"));
    String id = Api.register("promoter-a", body);

    patch(
            "promoter-a",
            id,
            Map.of("taxCode", Fixtures.definitiveTaxCode(LocalDate.parse("2005-03-14"), "M")))
        .statusCode(400)
        .body("errors[0].field", equalTo("taxCode"))
        .body("errors[0].message", equalTo("a definitive tax code cannot be replaced"));
  }

  @Test
  void provisionalTaxCodeCannotBeReplacedByAnotherProvisionalOne() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, Map.of("taxCode", Fixtures.provisionalTaxCode()))
        .statusCode(400)
        .body("errors[0].field", equalTo("taxCode"));
  }

  @Test
  void conversionToAnotherParticipantsTaxCodeIsAConflict() {
    Map<String, Object> other = Fixtures.complete();
    String definitive = Fixtures.definitiveTaxCode(LocalDate.parse("2005-03-14"), "M");
    other.put("taxCode", definitive);
    Api.register("promoter-b", other);
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, Map.of("taxCode", definitive))
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "duplicate-participant"))
        .body("existingId", nullValue());
  }

  @Test
  void consentIsNotRemovedByAPatch() {
    String id = Api.register("promoter-a", Fixtures.complete());

    patch("promoter-a", id, nulling("consent"))
        .statusCode(400)
        .body("errors.field", hasItem("consent"));
  }

  @Test
  void historyRecordsWhoChangedWhichFieldsWithoutTheValues() {
    String id = Api.register("promoter-a", Fixtures.complete());
    patch("cpi-messina", id, Map.of("familyName", "Camara", "yearsOfSchooling", 12))
        .statusCode(200);

    Api.get("agency-admin", "/participants/" + id + "/history")
        .statusCode(200)
        .body("action", org.hamcrest.Matchers.contains("registered", "updated"))
        .body("[0].by.orgId", equalTo("ORG-PROMOTER-A"))
        .body("[0].by.clientId", equalTo("promoter-a"))
        .body("[1].by.orgId", equalTo("CPI-MESSINA"))
        .body("[1].by.subject", not(nullValue()))
        .body("[1].at", not(nullValue()))
        .body(
            "[1].fields",
            org.hamcrest.Matchers.containsInAnyOrder("familyName", "yearsOfSchooling"))
        .body(not(org.hamcrest.Matchers.containsString("Camara")))
        .body(not(org.hamcrest.Matchers.containsString("Diallo")));
  }
}
