package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.PROBLEM;
import static it.percorsi.participant.participant.Api.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape rule of the registration body over HTTP, and a few of the cross-field rules end to
 * end: each case breaks one rule of a valid body and expects a 400 naming that field. The
 * cross-field rules are each covered in {@code ParticipantRulesTest}.
 */
@QuarkusTest
@RealInfrastructure
class ParticipantValidationTest {

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        broken("taxCode", b -> b.remove("taxCode")),
        broken("taxCode", b -> b.put("taxCode", "RSSMRA85T10A562X")),
        broken("givenName", b -> b.put("givenName", " ")),
        broken("familyName", b -> b.put("familyName", "x".repeat(101))),
        broken("sex", b -> b.put("sex", "Q")),
        broken("birthDate", b -> b.remove("birthDate")),
        broken("birthDate", b -> b.put("birthDate", "14/03/2005")),
        broken("birthCountry", b -> b.put("birthCountry", "gn")),
        broken("nationality", b -> b.put("nationality", "QQQ")),
        broken("arrivalDate", b -> b.put("arrivalDate", "2001-01-01")),
        broken("enteredAsUnaccompaniedMinor", b -> b.remove("enteredAsUnaccompaniedMinor")),
        broken("receptionType", b -> b.put("receptionType", "HOTEL")),
        broken("permit.kind", b -> b.put("permit", Map.of("number", "AB12345"))),
        broken(
            "permit.number",
            b ->
                b.put("permit", Map.of("kind", "WORK", "number", "a", "expiryDate", "2030-01-01"))),
        broken("guardian", b -> b.put("guardian", Fixtures.guardian(Fixtures.today()))),
        broken("residenceProvince", b -> b.put("residenceProvince", "83")),
        broken("residenceRegion", b -> b.put("residenceRegion", "1")),
        broken("residenceProvince", b -> b.put("residenceRegion", "03")),
        broken("residenceMunicipality", b -> b.put("residenceMunicipality", "082053")),
        broken("referenceCpi", b -> b.put("referenceCpi", "cpi messina")),
        broken("yearsOfSchooling", b -> b.put("yearsOfSchooling", 40)),
        broken("italianLevel", b -> b.put("italianLevel", "D1")),
        broken("languages[0]", b -> b.put("languages", List.of("klingon"))),
        broken("employmentStatus", b -> b.put("employmentStatus", "RETIRED")),
        broken("serviceAgreementDate", b -> b.put("serviceAgreementDate", "2024-01-01")),
        broken("consent.givenBy", b -> b.put("consent", Map.of("date", "2024-01-20"))),
        broken("consent.date", b -> b.put("consent", Map.of("givenBy", "PARTICIPANT"))));
  }

  private static Arguments broken(String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(field, change);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("brokenRules")
  void bodyBreakingARuleIsRefusedNamingTheField(
      String field, Consumer<Map<String, Object>> change) {
    Map<String, Object> body = Fixtures.complete();
    change.accept(body);

    Api.registering("promoter-a", body)
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo(PROBLEMS + "validation"))
        .body("errors.field", hasItem(field));
  }

  @Test
  void completeBodyIsAccepted() {
    Api.registering("promoter-a", Fixtures.complete())
        .statusCode(201)
        .body("residenceMunicipality", equalTo("083048"))
        .body("permit.kind", equalTo("ASYLUM_REQUEST"))
        .body("consentGiven", equalTo(true));
  }

  @Test
  void minorWithoutGuardianIsRefused() {
    Map<String, Object> body = Fixtures.minor("083");
    body.remove("guardian");

    Api.registering("promoter-a", body).statusCode(400).body("errors.field", hasItem("guardian"));
  }

  @Test
  void unknownCodeOfAClosedListNamesTheAllowedCodes() {
    Map<String, Object> body = Fixtures.complete();
    body.put("italianLevel", "D1");

    Api.registering("promoter-a", body)
        .statusCode(400)
        .body("errors[0].message", containsString("A1, A2, B1, B2, C1, C2"));
  }

  @Test
  void errorMessagesNeverRepeatTheValue() {
    Map<String, Object> body = Fixtures.complete();
    body.put("taxCode", "RSSMRA85T10A562X");

    Api.registering("promoter-a", body)
        .statusCode(400)
        .body(not(containsString("RSSMRA85T10A562X")));
  }
}
