package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.percorsi.system.SecurityMatrix.Principal;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption: bodies above the limit, page sizes above the
 * cap, and bursts above a client's rate limit are refused as problems, and one client's burst does
 * not stop another client.
 */
class ResourceConsumptionTest {

  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  private static String oversizedJson() {
    return "{\"givenName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
  }

  @Test
  void anOversizedBodyIsA413ProblemAtTheGatewayAndAtTheService() {
    Response gateway =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Principal.PROMOTER_A.token())
            .contentType("application/json")
            .body(oversizedJson())
            .when()
            .post("/api/participants");
    Problems.assertProblem(gateway, 413, "2 MiB body at the gateway");
    Response service =
        given()
            .baseUri(stack.service("participant-service").url())
            .auth()
            .oauth2(Principal.PROMOTER_A.token())
            .contentType("application/json")
            .body(oversizedJson())
            .when()
            .post("/participants");
    assertThat(service.statusCode()).as("2 MiB body straight to the service").isEqualTo(413);
  }

  @Test
  void anOversizedChunkedBodyIsA413ProblemAtTheGateway() {
    Response r =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Principal.PROMOTER_A.token())
            .contentType("application/json")
            .body(new ByteArrayInputStream(oversizedJson().getBytes()))
            .when()
            .post("/api/participants");
    Problems.assertProblem(r, 413, "2 MiB chunked body at the gateway");
  }

  @Test
  void aHugePageSizeIsRefusedOrCappedOnEveryPagedList() {
    JsonPath openapi = given().baseUri(stack.gateway()).get("/openapi").then().extract().jsonPath();
    Map<String, Map<String, Object>> paths = openapi.getMap("paths");
    List<String> paged = new ArrayList<>();
    paths.forEach(
        (path, ops) -> {
          Object get = ops.get("get");
          if (get instanceof Map<?, ?> g && String.valueOf(g.get("parameters")).contains("limit")) {
            paged.add(path);
          }
        });
    for (String path : paged) {
      if (path.contains("{")) {
        continue;
      }
      Response r =
          given()
              .baseUri(stack.gateway())
              .auth()
              .oauth2(Principal.AGENCY.token())
              .queryParam("limit", 1_000_000)
              .when()
              .get(path);
      if (r.statusCode() == 400) {
        Problems.assertProblem(r, 400, "limit=1000000 on " + path);
      } else {
        assertThat(r.statusCode()).as("limit=1000000 on " + path).isEqualTo(200);
        Object body = r.jsonPath().get("");
        List<?> items = body instanceof List<?> l ? l : r.jsonPath().getList("items");
        assertThat(items).as("page of " + path).hasSizeLessThanOrEqualTo(1000);
      }
    }
  }

  @Test
  void aBurstBeyondTheClientsRateLimitIs429WithRetryAfterAndSparesOtherClients() throws Exception {
    String burster = Principal.INTEGRATOR.token();
    String other = Principal.PROMOTER_B.token();
    String path = "/api/participants/" + UUID.randomUUID();
    int total = Stack.GATEWAY_BURST * 3;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Response>> burst = new ArrayList<>();
    try {
      for (int i = 0; i < total; i++) {
        burst.add(
            pool.submit(() -> given().baseUri(stack.gateway()).auth().oauth2(burster).get(path)));
      }
      Response calm = given().baseUri(stack.gateway()).auth().oauth2(other).get(path);
      assertThat(calm.statusCode()).as("another client during the burst").isEqualTo(404);
      int limited = 0;
      for (Future<Response> f : burst) {
        Response r = f.get();
        if (r.statusCode() == 429) {
          limited++;
          Problems.assertProblem(r, 429, "burst");
          assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
        } else {
          assertThat(r.statusCode()).as("integrator may not read participants").isEqualTo(403);
        }
      }
      assertThat(limited).as("429s among %d requests", total).isPositive();
    } finally {
      pool.shutdownNow();
    }
    // Leave the client's bucket full again for the tests after this one.
    Duration refill = Duration.ofMillis(1000L * Stack.GATEWAY_BURST / Stack.GATEWAY_PER_SECOND);
    await().pollDelay(refill.plusMillis(500)).atMost(refill.plusSeconds(5)).until(() -> true);
  }
}
