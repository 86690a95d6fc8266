package it.percorsi.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The contract check the system tests' traffic goes through (see {@link ContractTraffic}): what it
 * lets pass and what it reports, on the checked-in merged OpenAPI.
 */
class ContractTrafficTest {

  private static final String PROBLEM = "application/problem+json";

  private static ContractTraffic checker() throws Exception {
    return new ContractTraffic(
        new ObjectMapper(new YAMLFactory()).readTree(OpenApiSnapshotTest.file().toFile()));
  }

  private static String problem(String kind, int status) {
    return "{\"type\":\"https://percorsi.it/problems/"
        + kind
        + "\",\"title\":\"t\",\"status\":"
        + status
        + "}";
  }

  @Test
  void declaredStatusesAndProblemTypesPass() throws Exception {
    ContractTraffic c = checker();
    String dote = "/api/dotes/0b0e4a6e-8a4e-4d8e-9a57-1f0a3c6b2d11";
    assertThat(c.check("GET", dote, 200, "application/json", "{}")).isNull();
    assertThat(c.check("POST", "/api/dotes", 201, "application/json", "{}")).isNull();
    assertThat(c.check("POST", "/api/dotes", 409, PROBLEM, problem("quota-exhausted", 409)))
        .isNull();
    assertThat(c.check("GET", dote, 404, PROBLEM, problem("not-found", 404))).isNull();
    assertThat(c.check("GET", "/api/dotes", 401, PROBLEM, problem("unauthorized", 401))).isNull();
    assertThat(c.seen())
        .contains(
            new ContractTraffic.Exchange(
                "POST", "/api/dotes", 409, "https://percorsi.it/problems/quota-exhausted"));
  }

  @Test
  void anUndeclaredStatusOrProblemTypeIsAViolation() throws Exception {
    ContractTraffic c = checker();
    assertThat(c.check("GET", "/api/dotes", 418, PROBLEM, problem("teapot", 418)))
        .contains("GET /api/dotes answered 418");
    assertThat(c.check("POST", "/api/dotes", 409, PROBLEM, problem("made-up-refusal", 409)))
        .contains("POST /api/dotes answered 409 https://percorsi.it/problems/made-up-refusal");
    // A kind of another status is not declared for this one.
    assertThat(c.check("POST", "/api/dotes", 409, PROBLEM, problem("not-eligible", 409)))
        .contains("not-eligible");
    assertThat(c.drainViolations()).hasSize(3);
  }

  @Test
  void aPathThatIsNoOperationIsNotChecked() throws Exception {
    ContractTraffic c = checker();
    assertThat(c.check("GET", "/api/no-such-route", 404, PROBLEM, problem("not-found", 404)))
        .isNull();
    assertThat(c.check("DELETE", "/api/dotes", 405, PROBLEM, problem("method-not-allowed", 405)))
        .isNull();
    assertThat(c.seen()).isEmpty();
  }
}
