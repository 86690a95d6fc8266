package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.PROBLEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A participant's bank account: IBANs checked with their check digits, every change kept, the
 * participant's access rules (another organisation's participant is a 404), the agency's bulk read,
 * and erasure.
 */
@QuarkusTest
@RealInfrastructure
class PaymentAccountTest {

  private static final String IBAN = "IT60X0542811101000000123456";
  private static final String OTHER_IBAN = "DE89370400440532013000";

  @Inject EntityManager em;

  private static io.restassured.response.ValidatableResponse put(
      String principal, String id, Object body) {
    return Api.as(principal)
        .contentType("application/json")
        .body(body)
        .when()
        .put("/participants/" + id + "/payment-account")
        .then();
  }

  @Test
  void anIbanWithWrongCheckDigitsOrFormatIsRefusedAndChangesNothing() {
    String id = Api.register("promoter-a", Fixtures.body("083"));
    put("promoter-a", id, Map.of("iban", "IT61X0542811101000000123456", "accountHolder", "A B"))
        .statusCode(400)
        .body("type", equalTo(PROBLEMS + "validation"))
        .body("errors[0].field", equalTo("iban"))
        .body("errors[0].message", equalTo("has wrong check digits"));
    put("promoter-a", id, Map.of("iban", "IT60X05428111010000001234", "accountHolder", "A B"))
        .statusCode(400)
        .body("errors[0].field", equalTo("iban"));
    put("promoter-a", id, Map.of("iban", "XX60X0542811101000000123456", "accountHolder", "A B"))
        .statusCode(400)
        .body("errors[0].field", equalTo("iban"));
    put("promoter-a", id, Map.of("iban", IBAN)).statusCode(400);
    Api.get("promoter-a", "/participants/" + id + "/payment-account").statusCode(404);
  }

  @Test
  void everyChangeIsKeptAndTheAuditTrailNamesFieldsNotValues() {
    String id = Api.register("promoter-a", Fixtures.body("083"));
    put(
            "promoter-a",
            id,
            Map.of("iban", "it60 x054 2811 1010 0000 0123 456", "accountHolder", "Amina Diallo"))
        .statusCode(200)
        .body("iban", equalTo(IBAN))
        .body("history", hasSize(1));
    // The same account again changes nothing.
    put("promoter-a", id, Map.of("iban", IBAN, "accountHolder", "Amina Diallo"))
        .statusCode(200)
        .body("history", hasSize(1));
    put("cpi-messina", id, Map.of("iban", OTHER_IBAN, "accountHolder", "Amina Diallo"))
        .statusCode(200);

    JsonPath account =
        Api.get("promoter-a", "/participants/" + id + "/payment-account")
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(account.getString("iban")).isEqualTo(OTHER_IBAN);
    assertThat(account.getList("history.iban")).containsExactly(OTHER_IBAN, IBAN);
    assertThat(account.getString("history[0].validTo")).isNull();
    assertThat(account.getString("history[1].validTo")).isEqualTo(account.getString("since"));
    assertThat(account.getString("history[1].setByOrg")).isEqualTo("ORG-PROMOTER-A");

    JsonPath history =
        Api.get("agency-admin", "/participants/" + id + "/history")
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> actions = history.getList("action");
    assertThat(actions.stream().filter("payment-account-changed"::equals)).hasSize(2);
    assertThat(history.prettify())
        .doesNotContain(IBAN)
        .doesNotContain(OTHER_IBAN)
        .doesNotContain("Amina");
  }

  @Test
  void whoMayReadTheParticipantMayReadItsAccountOthersGetA404() {
    String id = Api.register("promoter-a", Fixtures.body("083"));
    put("promoter-a", id, Map.of("iban", IBAN, "accountHolder", "Amina Diallo")).statusCode(200);
    String path = "/participants/" + id + "/payment-account";
    Api.get("promoter-a", path).statusCode(200);
    Api.get("cpi-messina", path).statusCode(200);
    Api.get("agency-admin", path).statusCode(200);
    Api.get("auditor", path).statusCode(200);
    Api.get("promoter-b", path)
        .statusCode(404)
        .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(IBAN)));
    Api.get("cpi-palermo", path).statusCode(404);
    Api.get("host-acme", path).statusCode(403);
    put("promoter-b", id, Map.of("iban", OTHER_IBAN, "accountHolder", "X")).statusCode(404);
    put("auditor", id, Map.of("iban", OTHER_IBAN, "accountHolder", "X")).statusCode(403);
    Api.get("agency-admin", "/participants/" + UUID.randomUUID() + "/payment-account")
        .statusCode(404);
  }

  @Test
  void theAgencyReadsCurrentAccountsInBulkAndErasureForgetsThem() {
    String a = Api.register("promoter-a", Fixtures.body("083"));
    String b = Api.register("promoter-b", Fixtures.body("083"));
    String none = Api.register("promoter-a", Fixtures.body("083"));
    put("promoter-a", a, Map.of("iban", IBAN, "accountHolder", "Amina Diallo")).statusCode(200);
    put("promoter-b", b, Map.of("iban", IBAN, "accountHolder", "Omar Haddad")).statusCode(200);
    put("promoter-b", b, Map.of("iban", OTHER_IBAN, "accountHolder", "Omar Haddad"))
        .statusCode(200);
    Map<String, Object> lookup = Map.of("ids", List.of(a, b, none));

    JsonPath found =
        Api.post("agency-admin", "/participants/payment-accounts/lookups", lookup)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(found.getList("accounts.id")).containsExactlyInAnyOrder(a, b);
    assertThat(found.getString("accounts.find { it.id == '" + b + "' }.iban"))
        .isEqualTo(OTHER_IBAN);
    Api.post("promoter-a", "/participants/payment-accounts/lookups", lookup).statusCode(403);
    Api.post("auditor", "/participants/payment-accounts/lookups", lookup).statusCode(403);

    Api.post("agency-admin", "/participants/" + a + "/erasure", Map.of()).statusCode(200);
    Api.get("agency-admin", "/participants/" + a + "/payment-account").statusCode(404);
    Api.post("agency-admin", "/participants/payment-accounts/lookups", Map.of("ids", List.of(a)))
        .statusCode(200)
        .body("accounts", hasSize(0));
    long rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "SELECT count(*) FROM participant_payment_account"
                                        + " WHERE participant_id = CAST(?1 AS uuid)")
                                .setParameter(1, a)
                                .getSingleResult())
                        .longValue());
    assertThat(rows).isZero();
    put("agency-admin", a, Map.of("iban", IBAN, "accountHolder", "X")).statusCode(409);
  }
}
