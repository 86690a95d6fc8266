package it.percorsi.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.percorsi.client.problems.ConflictException;
import it.percorsi.client.problems.NotEligibleException;
import it.percorsi.client.problems.PercorsiProblems;
import it.percorsi.client.problems.ProblemException;
import it.percorsi.client.problems.QuotaExhaustedException;
import it.percorsi.client.problems.RateLimitedException;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The typed problems against the document the client is generated from. */
class PercorsiProblemsTest {

  private static Set<String> documentedKinds() throws Exception {
    JsonNode api =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of(System.getProperty("percorsi.root"), "docs/openapi.yaml").toFile());
    Set<String> kinds = new TreeSet<>();
    collect(api.path("paths"), kinds);
    collect(api.path("components").path("responses"), kinds);
    return kinds;
  }

  private static void collect(JsonNode node, Set<String> kinds) {
    if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null && type.isTextual() && type.asText().startsWith(ProblemException.BASE)) {
        kinds.add(type.asText().substring(ProblemException.BASE.length()));
      }
      node.forEach(n -> collect(n, kinds));
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, kinds));
    }
  }

  @Test
  void everyTypedProblemIsOneTheDocumentDeclares() throws Exception {
    assertThat(documentedKinds()).containsAll(PercorsiProblems.typedKinds());
  }

  @Test
  void aProblemIsThrownAsTheClassOfItsTypeElseOfItsStatus() {
    ProblemException quota =
        PercorsiProblems.from(
            409,
            headers(Map.of()),
            "{\"type\":\"https://percorsi.it/problems/quota-exhausted\",\"title\":\"Regional quota"
                + " exhausted\",\"status\":409,\"regionCode\":\"19\"}");
    assertThat(quota)
        .isInstanceOf(QuotaExhaustedException.class)
        .isInstanceOf(ConflictException.class);
    assertThat(((QuotaExhaustedException) quota).regionCode()).isEqualTo("19");
    assertThat(quota.kind()).isEqualTo("quota-exhausted");

    ProblemException eligible =
        PercorsiProblems.from(
            422,
            headers(Map.of()),
            "{\"type\":\"https://percorsi.it/problems/not-eligible\",\"title\":\"Not eligible\","
                + "\"status\":422,\"failedCriteria\":[\"consent\"]}");
    assertThat(((NotEligibleException) eligible).failedCriteria()).hasToString("[consent]");

    ProblemException other =
        PercorsiProblems.from(
            409,
            headers(Map.of()),
            "{\"type\":\"https://percorsi.it/problems/plan-state\",\"title\":\"x\",\"status\":409}");
    assertThat(other.getClass()).isEqualTo(ConflictException.class);

    ProblemException limited =
        PercorsiProblems.from(429, headers(Map.of("Retry-After", List.of("3"))), "");
    assertThat(limited).isInstanceOf(RateLimitedException.class);
    assertThat(limited.retryAfterSeconds()).contains(3L);
  }

  private static HttpHeaders headers(Map<String, List<String>> h) {
    return HttpHeaders.of(h, (a, b) -> true);
  }
}
