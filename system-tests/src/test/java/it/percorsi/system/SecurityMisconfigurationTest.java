package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import it.percorsi.system.SecurityMatrix.Principal;
import it.percorsi.system.fuzz.RawHttp;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OWASP API8:2023 Security Misconfiguration: every error through the gateway is a problem without a
 * stack trace; the services' and the gateway's operational endpoints (dev UI, metrics, health
 * details, their own OpenAPI) are not reachable on the public port; CORS follows the allow-list.
 */
class SecurityMisconfigurationTest {

  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  private static RequestSpecification as(Principal p) {
    return given().baseUri(stack.gateway()).auth().oauth2(p.token());
  }

  static Stream<Arguments> errors() {
    String id = UUID.randomUUID().toString();
    Map<String, Function<RequestSpecification, Response>> cases =
        Map.of(
            "unknown path",
            s -> s.get("/nowhere"),
            "unknown record",
            s -> s.get("/api/participants/" + id),
            "id that is not a UUID",
            s -> s.get("/api/participants/not-a-uuid"),
            "malformed JSON",
            s -> s.contentType("application/json").body("{\"taxCode\":").post("/api/participants"),
            "wrong JSON type",
            s ->
                s.contentType("application/json")
                    .body("{\"enteredAsUnaccompaniedMinor\":\"maybe\"}")
                    .post("/api/participants"),
            "unsupported media type",
            s -> s.contentType("text/plain").body("hello").post("/api/participants"),
            "method the gateway does not route",
            s -> s.request("TRACE", "/api/participants"),
            "method the service does not have",
            s -> s.contentType("application/json").body("{}").put("/api/participants/" + id),
            "unknown programme",
            s -> s.get("/api/programmes/NO-SUCH-PROGRAMME"));
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void everyErrorIsAProblemWithoutAStackTrace(
      String what, Function<RequestSpecification, Response> request) {
    Response r = request.apply(as(Principal.AGENCY));
    assertThat(r.statusCode()).as(what).isBetween(400, 499);
    Problems.assertProblem(r, what);
  }

  @Test
  void aJsonArrayWhereADateBelongsIsAProblem() {
    Response r =
        as(Principal.AGENCY)
            .contentType("application/json")
            .body("{\"birthDate\":[1,2]}")
            .post("/api/participants");
    Problems.assertProblem(r, 400, "array for a date");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/q/dev",
        "/q/dev-ui",
        "/q/metrics",
        "/q/health",
        "/q/health/ready",
        "/q/openapi",
        "/q/swagger-ui",
        "/api/q/health",
        "/console/q/health",
        "/console/q/health/ready",
        "/console/q/dev-ui",
        "/api/participants/../../q/health",
        "/api/participants/%2e%2e/%2e%2e/q/metrics",
        "/api/participants/..%2f..%2fq%2fmetrics",
        "/api/participants/..;/..;/q/health",
        "/api/participants/%5c..%5c..%5cq%5chealth"
      })
  void operationalEndpointsAreNotReachableThroughTheGateway(String path) {
    for (Principal p : new Principal[] {Principal.AGENCY, Principal.AUDITOR}) {
      Response r =
          given()
              .urlEncodingEnabled(false)
              .baseUri(stack.gateway())
              .auth()
              .oauth2(p.token())
              .when()
              .get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 403, 404);
      Problems.assertProblem(r, path);
      assertThat(r.asString()).as(path).doesNotContain("\"UP\"").doesNotContain("# HELP");
    }
  }

  @Test
  void healthAndMetricsLiveOnlyOnTheManagementInterface() {
    given().baseUri(stack.gatewayManagement()).when().get("/q/health/ready").then().statusCode(200);
    given().baseUri(stack.gateway()).when().get("/q/health/ready").then().statusCode(404);
  }

  @Test
  void theMergedOpenApiAndSwaggerUiAreServedWithoutInternalPaths() {
    Map<String, Object> paths =
        given()
            .baseUri(stack.gateway())
            .when()
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");
    assertThat(paths).containsKey("/api/participants");
    assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/") && !p.contains("/internal"));
    given()
        .baseUri(stack.gateway())
        .when()
        .get("/swagger-ui/")
        .then()
        .statusCode(200)
        .contentType(containsString("html"));
  }

  @Test
  void corsAnswersOnlyTheAllowedOrigins() {
    given()
        .baseUri(stack.gateway())
        .header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "POST")
        .when()
        .options("/api/participants")
        .then()
        .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"));
    given()
        .baseUri(stack.gateway())
        .header("Origin", "https://attacker.example")
        .header("Access-Control-Request-Method", "POST")
        .when()
        .options("/api/participants")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void anOriginNotAllowedIsRefusedWithAProblem() {
    Response r =
        as(Principal.AGENCY)
            .header("Origin", "https://attacker.example")
            .when()
            .get("/api/programmes");
    Problems.assertProblem(r, 403, "request from a foreign origin");
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void anUnknownPathOnTheManagementPortIsAProblem() {
    Response r = given().baseUri(stack.gatewayManagement()).when().get("/nothing/here");
    Problems.assertProblem(r, 404, "unknown management path");
  }

  @Test
  void aRequestLineOrHeadersPastTheLimitsAreProblems() throws Exception {
    RawHttp http = new RawHttp(stack.gateway());
    Map<String, byte[]> auth =
        Map.of("Authorization", ("Bearer " + Principal.AGENCY.token()).getBytes());
    RawHttp.Answer longUri =
        http.send("GET", ("/api/programmes?q=" + "a".repeat(6_000)).getBytes(), auth, null);
    assertRawProblem(longUri, 414, "a request line of 6 KB");
    Map<String, byte[]> big = new java.util.LinkedHashMap<>(auth);
    big.put("X-Padding", "a".repeat(20_000).getBytes());
    assertRawProblem(
        http.send("GET", "/api/programmes".getBytes(), big, null), 431, "20 KB of headers");
  }

  @Test
  void protocolUpgradesAreNotHonoured() throws Exception {
    RawHttp http = new RawHttp(stack.gateway());
    String token = "Bearer " + Principal.AGENCY.token();
    Map<String, byte[]> h2c = new java.util.LinkedHashMap<>();
    h2c.put("Authorization", token.getBytes());
    h2c.put("Connection", "Upgrade, HTTP2-Settings".getBytes());
    h2c.put("Upgrade", "h2c".getBytes());
    h2c.put("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA".getBytes());
    RawHttp.Answer answer = http.send("GET", "/api/programmes".getBytes(), h2c, null);
    assertThat(answer.status()).as("h2c upgrade").isEqualTo(200);
    Map<String, byte[]> ws = new java.util.LinkedHashMap<>();
    ws.put("Authorization", token.getBytes());
    ws.put("Connection", "Upgrade".getBytes());
    ws.put("Upgrade", "websocket".getBytes());
    ws.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==".getBytes());
    ws.put("Sec-WebSocket-Version", "13".getBytes());
    RawHttp.Answer websocket = http.send("GET", "/api/programmes".getBytes(), ws, null);
    assertThat(websocket.status()).as("websocket upgrade").isEqualTo(200);
    assertThat(websocket.header("upgrade")).as("websocket upgrade").isNull();
  }

  private static void assertRawProblem(RawHttp.Answer a, int status, String what) {
    assertThat(a.status()).as(what).isEqualTo(status);
    assertThat(a.header("content-type")).as(what + " content type").startsWith(Problems.MEDIA_TYPE);
    assertThat(a.text())
        .as(what)
        .contains("\"status\":" + status)
        .contains("https://percorsi.it/problems/");
  }
}
