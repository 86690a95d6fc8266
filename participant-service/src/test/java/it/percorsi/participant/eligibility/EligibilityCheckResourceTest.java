package it.percorsi.participant.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.participant.participant.Api;
import it.percorsi.participant.participant.Fixtures;
import it.percorsi.participant.participant.RealInfrastructure;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /participants/{id}/eligibility-checks}, as dote-service calls it. */
@QuarkusTest
@RealInfrastructure
class EligibilityCheckResourceTest {

  private static Map<String, Object> allCriteria() {
    Map<String, Object> c = new HashMap<>();
    c.put("at", Fixtures.today().plusMonths(3).toString());
    c.put("minimumAge", 16);
    c.put("maximumAge", 23);
    c.put("enteredAsUnaccompaniedMinor", true);
    c.put("unemployed", true);
    c.put("validPermit", true);
    c.put("unemploymentDeclarationAndServiceAgreement", true);
    c.put("consent", true);
    return c;
  }

  private static String check(String principal, String id, Map<String, Object> criteria) {
    return Api.post(principal, "/participants/" + id + "/eligibility-checks", criteria)
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void participantMeetingEveryCriterionIsEligible() {
    String id = Api.register("promoter-a", Fixtures.complete());

    Api.post("promoter-a", "/participants/" + id + "/eligibility-checks", allCriteria())
        .statusCode(200)
        .body("participantId", equalTo(id))
        .body("eligible", equalTo(true))
        .body("criteria.size()", equalTo(7))
        .body("criteria.satisfied", org.hamcrest.Matchers.everyItem(equalTo(true)));
  }

  @Test
  void eachCriterionHasItsOwnResultAndReason() {
    String id = Api.register("promoter-a", Fixtures.body("083"));

    Api.post("promoter-a", "/participants/" + id + "/eligibility-checks", allCriteria())
        .statusCode(200)
        .body("eligible", equalTo(false))
        .body("criteria.find { it.criterion == 'minimumAge' }.satisfied", equalTo(true))
        .body("criteria.find { it.criterion == 'consent' }.satisfied", equalTo(false))
        .body("criteria.find { it.criterion == 'consent' }.reason", equalTo("no consent on record"))
        .body("criteria.find { it.criterion == 'validPermit' }.satisfied", equalTo(false));
  }

  @Test
  void answerCarriesNoPersonalData() {
    Map<String, Object> body = Fixtures.complete();
    String id = Api.register("promoter-a", body);

    String answer = check("promoter-a", id, allCriteria());

    assertThat(answer)
        .doesNotContain((String) body.get("taxCode"))
        .doesNotContain("Amadou")
        .doesNotContain("Diallo")
        .doesNotContain("2005")
        .doesNotContain("I12345678");
  }

  @Test
  void checkNamingNoCriterionIsRefused() {
    String id = Api.register("promoter-a", Fixtures.complete());

    Api.post(
            "promoter-a",
            "/participants/" + id + "/eligibility-checks",
            Map.of("at", Fixtures.today().toString()))
        .statusCode(400);
  }

  @Test
  void invertedAgeBoundsAreRefused() {
    String id = Api.register("promoter-a", Fixtures.complete());
    Map<String, Object> c = allCriteria();
    c.put("minimumAge", 24);

    Api.post("promoter-a", "/participants/" + id + "/eligibility-checks", c)
        .statusCode(400)
        .body("errors.field", hasItem("minimumAge"));
  }

  @Test
  void checkWithoutADateIsRefused() {
    String id = Api.register("promoter-a", Fixtures.complete());
    Map<String, Object> c = allCriteria();
    c.remove("at");

    Api.post("promoter-a", "/participants/" + id + "/eligibility-checks", c)
        .statusCode(400)
        .body("errors.field", hasItem("at"));
  }

  @Test
  void erasedParticipantCannotBeChecked() {
    String id = Api.register("promoter-a", Fixtures.complete());
    Api.post("agency-admin", "/participants/" + id + "/erasure", Map.of()).statusCode(200);

    Api.post("agency-admin", "/participants/" + id + "/eligibility-checks", allCriteria())
        .statusCode(409);
  }
}
