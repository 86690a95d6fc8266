package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.PROBLEMS;
import static it.percorsi.participant.participant.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consent withdrawal and ownership transfer. */
@QuarkusTest
@RealInfrastructure
class CaseLifecycleTest {

  @Test
  void withdrawnConsentIsNoLongerInForce() {
    String id = Api.register("promoter-a", Fixtures.complete());
    String today = Fixtures.today().toString();

    Api.post("promoter-a", "/participants/" + id + "/consent-withdrawal", Map.of("date", today))
        .statusCode(200)
        .body("consentGiven", equalTo(false))
        .body("consent.givenBy", equalTo("PARTICIPANT"))
        .body("consent.withdrawalDate", equalTo(today));
  }

  @Test
  void withdrawingWhenNoConsentIsInForceIsAConflict() {
    String id = Api.register("promoter-a", Fixtures.body("083"));

    Api.post("promoter-a", "/participants/" + id + "/consent-withdrawal", Map.of())
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "no-consent"));
  }

  @Test
  void withdrawalDatedInTheFutureIsRefused() {
    String id = Api.register("promoter-a", Fixtures.complete());

    Api.post(
            "promoter-a",
            "/participants/" + id + "/consent-withdrawal",
            Map.of("date", Fixtures.today().plusDays(1).toString()))
        .statusCode(400)
        .body("errors.field", hasItem("date"));
  }

  @Test
  void withdrawalWithAStaleIfMatchIsRefusedWith412() {
    String id = Api.register("promoter-a", Fixtures.complete());
    String stale = Api.etag(id);
    Api.patch("promoter-a", id, Map.of("yearsOfSchooling", 3)).statusCode(200);

    as("promoter-a")
        .header("If-Match", stale)
        .contentType("application/json")
        .body(Map.of())
        .post("/participants/" + id + "/consent-withdrawal")
        .then()
        .statusCode(412);
  }

  @Test
  void consentIsGivenAgainByAPatchAfterAWithdrawal() {
    String id = Api.register("promoter-a", Fixtures.complete());
    Api.post("promoter-a", "/participants/" + id + "/consent-withdrawal", Map.of()).statusCode(200);
    String today = Fixtures.today().toString();

    Api.patch("promoter-a", id, Map.of("consent", Map.of("givenBy", "PARTICIPANT", "date", today)))
        .statusCode(200)
        .body("consentGiven", equalTo(true))
        .body("consent.date", equalTo(today));
  }

  @Test
  void transferredCaseBelongsToTheNewOwnerOnly() {
    String id = Api.register("promoter-a", Fixtures.complete());

    Api.post(
            "agency-admin",
            "/participants/" + id + "/ownership-transfers",
            Map.of("toOrgId", "ORG-PROMOTER-B"))
        .statusCode(200)
        .body("ownerOrgId", equalTo("ORG-PROMOTER-B"))
        .body("registeredByOrgId", equalTo("ORG-PROMOTER-A"));

    Api.get("promoter-b", "/participants/" + id).statusCode(200);
    Api.get("promoter-a", "/participants/" + id).statusCode(404);
  }

  @Test
  void transferToTheOwnerItselfIsRefused() {
    String id = Api.register("promoter-a", Fixtures.complete());

    Api.post(
            "agency-admin",
            "/participants/" + id + "/ownership-transfers",
            Map.of("toOrgId", "ORG-PROMOTER-A"))
        .statusCode(400)
        .body("errors.field", hasItem("toOrgId"));
  }

  @Test
  void transferIsRecordedInTheHistory() {
    String id = Api.register("promoter-a", Fixtures.complete());
    Api.post(
            "agency-admin",
            "/participants/" + id + "/ownership-transfers",
            Map.of("toOrgId", "ORG-PROMOTER-B"))
        .statusCode(200);

    Api.get("agency-admin", "/participants/" + id + "/history")
        .body("[1].action", equalTo("ownership-transferred"))
        .body("[1].by.orgId", equalTo("AGENCY"))
        .body("[1].fields", hasItem("ownerOrgId"));
  }
}
