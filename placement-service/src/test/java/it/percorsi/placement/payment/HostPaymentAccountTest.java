package it.percorsi.placement.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.percorsi.placement.Api;
import it.percorsi.placement.Dotes;
import it.percorsi.placement.Fixtures;
import it.percorsi.placement.RealInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A host's bank account: IBAN checked, every change kept, narrower access than the host record (the
 * agency, auditors and the host itself), and the agency's bulk read by internship.
 */
@QuarkusTest
@RealInfrastructure
class HostPaymentAccountTest {

  private static final String IBAN = "IT60X0542811101000000123456";
  private static final String OTHER_IBAN = "DE89370400440532013000";

  private static io.restassured.response.ValidatableResponse put(
      String principal, String employer, Object body) {
    return Api.put(principal, "/employers/" + employer + "/payment-account", null, body);
  }

  @Test
  void ibansAreCheckedChangesKeptAndOnlyTheAgencyAndTheHostItselfSeeTheAccount() {
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    String path = "/employers/" + employer + "/payment-account";
    put(
            "agency-admin",
            employer,
            Map.of("iban", "IT60X0542811101000000123455", "accountHolder", "Acme"))
        .statusCode(400)
        .body("errors[0].field", equalTo("iban"))
        .body("errors[0].message", equalTo("has wrong check digits"));
    Api.get("agency-admin", path).statusCode(404);

    put("host-acme", employer, Map.of("iban", IBAN, "accountHolder", "Acme Meccanica S.r.l."))
        .statusCode(200)
        .body("history", hasSize(1));
    put(
            "agency-admin",
            employer,
            Map.of("iban", OTHER_IBAN, "accountHolder", "Acme Meccanica S.r.l."))
        .statusCode(200);
    JsonPath account = Api.get("host-acme", path).statusCode(200).extract().jsonPath();
    assertThat(account.getString("iban")).isEqualTo(OTHER_IBAN);
    assertThat(account.getList("history.iban")).containsExactly(OTHER_IBAN, IBAN);
    Api.get("auditor", path).statusCode(200);
    // Promoters read the shared host registry, not the host's bank account.
    Api.get("promoter-a", "/employers/" + employer).statusCode(200);
    Api.get("promoter-a", path).statusCode(403);
    put("promoter-a", employer, Map.of("iban", IBAN, "accountHolder", "X")).statusCode(403);
    Api.get("agency-admin", "/employers/" + UUID.randomUUID() + "/payment-account").statusCode(404);
    JsonPath history =
        Api.get("agency-admin", "/employers/" + employer + "/history")
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(history.getList("action")).contains("payment-account-changed");
    assertThat(history.prettify()).doesNotContain(IBAN).doesNotContain(OTHER_IBAN);
  }

  @Test
  void theAgencyReadsTheHostsAccountsByInternship() {
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    String other = Fixtures.registerEmployer(Fixtures.employer());
    String paid = Fixtures.startInternship(Dotes.active().doteId(), employer, "2026-12-07");
    String unpaid = Fixtures.startInternship(Dotes.active().doteId(), other, "2026-12-07");
    put("agency-admin", employer, Map.of("iban", IBAN, "accountHolder", "Acme Meccanica S.r.l."))
        .statusCode(200);
    Map<String, Object> lookup = Map.of("ids", List.of(paid, unpaid));

    Api.post("agency-admin", "/internships/host-payment-accounts/lookups", lookup)
        .statusCode(200)
        .body("accounts", hasSize(1))
        .body("accounts[0].id", equalTo(paid))
        .body("accounts[0].iban", equalTo(IBAN));
    Api.post("promoter-a", "/internships/host-payment-accounts/lookups", lookup).statusCode(403);
    Api.post("host-acme", "/internships/host-payment-accounts/lookups", lookup).statusCode(403);
  }
}
