package it.percorsi.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.KeyPair;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway alone, against a test issuer and fake services on loopback. */
@QuarkusTest
@QuarkusTestResource(value = FakeServices.class, restrictToAnnotatedClass = true)
class GatewayTest {

  private static final String PROBLEM = "application/problem+json";

  @ConfigProperty(name = "quarkus.management.test-port")
  int managementPort;

  @ConfigProperty(name = "percorsi.test.issuer-stats")
  String issuerStats;

  @ConfigProperty(name = "percorsi.test.flaky")
  String flaky;

  private static String promoter() {
    return TestJwt.rs256(TestJwt.claims("promoter-a", "promoter"));
  }

  @Test
  void forwardsToTheOwningServiceWithoutApiPrefixAndWithTheToken() {
    String token = promoter();
    given()
        .auth()
        .oauth2(token)
        .when()
        .get("/api/participants/echo?limit=5")
        .then()
        .statusCode(200)
        .body("uri", equalTo("/participants/echo?limit=5"))
        .body("headers.authorization", equalTo("Bearer " + token));
  }

  @Test
  void acceptsAnEs256Token() {
    given()
        .auth()
        .oauth2(TestJwt.es256(TestJwt.claims("promoter-a", "promoter")))
        .when()
        .get("/api/participants/echo")
        .then()
        .statusCode(200);
  }

  @Test
  void dropsImpersonatingAndHopByHopHeadersAndSetsItsOwnForwardedHeaders() {
    given()
        .auth()
        .oauth2(promoter())
        .header("X-User-Id", "admin")
        .header("X-Org-Id", "AGENCY")
        .header("X-Forwarded-For", "10.0.0.1")
        .header("X-Forwarded-Host", "evil.example")
        .header("Forwarded", "for=10.0.0.1")
        .header("X-Percorsi-Caller", "agency-admin")
        .header("X-HTTP-Method-Override", "DELETE")
        .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
        .header("Connection", "keep-alive, X-Secret-Hop")
        .header("X-Secret-Hop", "1")
        .header("Accept-Language", "it")
        .when()
        .get("/api/participants/echo")
        .then()
        .statusCode(200)
        .body("headers", not(hasKey("x-user-id")))
        .body("headers", not(hasKey("x-org-id")))
        .body("headers", not(hasKey("forwarded")))
        .body("headers", not(hasKey("x-percorsi-caller")))
        .body("headers", not(hasKey("x-http-method-override")))
        .body("headers", not(hasKey("proxy-authorization")))
        .body("headers", not(hasKey("x-secret-hop")))
        .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
        .body("headers.x-forwarded-host", not(equalTo("evil.example")))
        .body("headers.x-forwarded-prefix", equalTo("/api"))
        .body("headers.accept-language", equalTo("it"));
  }

  @Test
  void setsARequestIdAndATraceparentWhenAbsent() {
    Response r =
        given()
            .auth()
            .oauth2(promoter())
            .when()
            .get("/api/participants/echo")
            .then()
            .extract()
            .response();
    String id = r.header("X-Request-Id");
    assertTrue(id != null && !id.isBlank());
    assertEquals(id, r.path("headers.x-request-id"));
    assertTrue(
        r.<String>path("headers.traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"),
        r.<String>path("headers.traceparent"));
  }

  @Test
  void keepsTheCallersRequestIdAndTraceparent() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    given()
        .auth()
        .oauth2(promoter())
        .header("X-Request-Id", "partner-123")
        .header("traceparent", traceparent)
        .header("tracestate", "vendor=1")
        .when()
        .get("/api/participants/echo")
        .then()
        .statusCode(200)
        .header("X-Request-Id", "partner-123")
        .body("headers.x-request-id", equalTo("partner-123"))
        .body("headers.traceparent", equalTo(traceparent))
        .body("headers.tracestate", equalTo("vendor=1"));
  }

  @Test
  void replacesAMalformedRequestIdAndTraceparent() {
    given()
        .auth()
        .oauth2(promoter())
        .header("X-Request-Id", "bad id\twith spaces")
        .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
        .when()
        .get("/api/participants/echo")
        .then()
        .statusCode(200)
        .body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"))
        .body("headers.traceparent", not(containsString("00000000000000000000000000000000")));
  }

  static Stream<Arguments> refusedTokens() {
    long now = Instant.now().getEpochSecond();
    Function<JsonObject, JsonObject> valid = c -> c;
    return Stream.of(
        Arguments.of("expired", TestJwt.rs256(claims(c -> c.put("exp", now - 60)))),
        Arguments.of(
            "not yet valid",
            TestJwt.rs256(claims(c -> c.put("nbf", now + 600).put("iat", now + 600)))),
        Arguments.of(
            "wrong issuer",
            TestJwt.rs256(claims(c -> c.put("iss", "http://127.0.0.1:1/realms/other")))),
        Arguments.of("wrong audience", TestJwt.rs256(claims(c -> c.put("aud", "account")))),
        Arguments.of("id token", TestJwt.rs256(claims(c -> c.put("typ", "ID")))),
        Arguments.of("alg none", TestJwt.algNone(claims(valid))),
        Arguments.of("HS256 with the public key", TestJwt.hs256WithPublicKey(claims(valid))),
        Arguments.of("PS256 (not allowed)", TestJwt.ps256(claims(valid))),
        Arguments.of("unknown kid", TestJwt.signedBy(TestJwt.newRsa(), "rotated", claims(valid))),
        Arguments.of(
            "another key, known kid", TestJwt.signedBy(TestJwt.newRsa(), "rsa-1", claims(valid))),
        Arguments.of("tampered payload", TestJwt.tampered(claims(valid))),
        Arguments.of("garbage", "not-a-jwt"));
  }

  private static JsonObject claims(Function<JsonObject, JsonObject> change) {
    return change.apply(TestJwt.claims("promoter-a", "promoter"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void refusesWith401Problem(String why, String token) {
    given()
        .auth()
        .oauth2(token)
        .when()
        .get("/api/participants/echo")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("https://percorsi.it/problems/unauthorized"))
        .body("requestId", notNullValue());
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() {
    long now = Instant.now().getEpochSecond();
    String token = TestJwt.rs256(claims(c -> c.put("exp", now + 2)));
    given().auth().oauth2(token).when().get("/api/participants/echo").then().statusCode(200);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(500))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .when()
                    .get("/api/participants/echo")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM));
  }

  @Test
  void refusesAMissingTokenWith401Problem() {
    given()
        .when()
        .get("/api/participants/echo")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/unauthorized"));
  }

  @Test
  void aFloodOfForgedTokensCostsTheIssuerAtMostOneKeyRefresh() {
    int before = issuerCalls();
    KeyPair attacker = TestJwt.newRsa();
    String valid = TestJwt.rs256(TestJwt.claims("flood-" + UUID.randomUUID(), "promoter"));
    for (int i = 0; i < 30; i++) {
      given()
          .auth()
          .oauth2(TestJwt.signedBy(attacker, "kid-" + i, TestJwt.claims("x", "promoter")))
          .when()
          .get("/api/participants/echo")
          .then()
          .statusCode(401);
      given().auth().oauth2(valid).when().get("/api/participants/echo").then().statusCode(200);
    }
    assertTrue(issuerCalls() - before <= 1, "issuer calls: " + (issuerCalls() - before));
    String prometheus = prometheus();
    assertTrue(prometheus.contains("percorsi_gateway_keycloak_calls_total"), prometheus);
  }

  @Test
  void metricsAreLabelledWithTheRouteNeverWithTheIdsOfAPath() {
    String token = TestJwt.rs256(TestJwt.claims("metrics-" + UUID.randomUUID(), "promoter"));
    String id = UUID.randomUUID().toString();
    given().auth().oauth2(token).when().get("/api/participants/" + id).then();
    given().auth().oauth2(token).when().get("/api/nowhere/" + id).then().statusCode(404);

    String prometheus = prometheus();
    assertFalse(prometheus.contains(id), "a path's id is a metric label");
    assertTrue(prometheus.contains("uri=\"/api/participants/*\""), prometheus);
    assertTrue(prometheus.contains("uri=\"UNMATCHED\""), prometheus);
  }

  private String prometheus() {
    return given()
        .when()
        .get("http://127.0.0.1:" + managementPort + "/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private int issuerCalls() {
    return given().when().get(issuerStats).then().extract().path("calls");
  }

  @Test
  void rolesOutsideTheRouteRuleGet403Problem() {
    String host = TestJwt.rs256(TestJwt.claims("percorsi-cli", "host"));
    given()
        .auth()
        .oauth2(host)
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/participants")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/forbidden"));
  }

  @Test
  void onlyTheAgencyConfirmsAPayment() {
    given()
        .auth()
        .oauth2(TestJwt.rs256(TestJwt.claims("promoter-b", "promoter")))
        .when()
        .post("/api/disbursements/42/payment")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestJwt.rs256(TestJwt.claims("percorsi-cli", "agency-admin")))
        .when()
        .post("/api/disbursements/42/payment")
        .then()
        .statusCode(200)
        .body("uri", equalTo("/disbursements/42/payment"));
  }

  @Test
  void aRuleOnASubPathOverridesTheRouteDefault() {
    String host = TestJwt.rs256(TestJwt.claims("percorsi-cli", "host"));
    given().auth().oauth2(host).when().post("/api/internships/7").then().statusCode(403);
    given()
        .auth()
        .oauth2(host)
        .when()
        .post("/api/internships/7/attendance/2026-03")
        .then()
        .statusCode(200);
  }

  @Test
  void readOnlyRoutesRefuseEveryWrite() {
    String admin = TestJwt.rs256(TestJwt.claims("percorsi-cli", "agency-admin"));
    for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
      given().auth().oauth2(admin).when().request(method, "/api/outcomes").then().statusCode(403);
    }
  }

  @Test
  void unknownMethodsGet405Problem() {
    given()
        .auth()
        .oauth2(promoter())
        .when()
        .request("TRACE", "/api/participants/echo")
        .then()
        .statusCode(405)
        .contentType(PROBLEM);
  }

  @Test
  void aBurstBeyondTheClientsBucketGets429WithRetryAfterAndOtherClientsGoOn() throws Exception {
    String bursty = TestJwt.rs256(TestJwt.claims("bursty-" + UUID.randomUUID(), "promoter"));
    int limited = 0;
    Response last = null;
    long started = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      Response r = given().auth().oauth2(bursty).when().get("/api/participants/echo");
      if (r.statusCode() == 429) {
        limited++;
        last = r;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    // A bucket of 50 refilled at 20/s lets through at most 50 + 20/s of the 100 sent in a row;
    // the rest must be 429 (two of slack for the refill between the clock reads).
    long mustBeLimited = 100 - 50 - (long) Math.ceil(20 * seconds) - 2;
    assertTrue(limited >= Math.max(1, mustBeLimited), limited + " 429s in " + seconds + " s");
    last.then()
        .contentType(PROBLEM)
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .body("type", equalTo("https://percorsi.it/problems/rate-limited"));
    String other = TestJwt.rs256(TestJwt.claims("calm-" + UUID.randomUUID(), "promoter"));
    given().auth().oauth2(other).when().get("/api/participants/echo").then().statusCode(200);
  }

  @Test
  void aBodyAboveTheLimitGets413ProblemWithContentLength() {
    given()
        .auth()
        .oauth2(promoter())
        .contentType("application/json")
        .body(new byte[65 * 1024])
        .when()
        .post("/api/participants/upload")
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/payload-too-large"));
  }

  @Test
  void aChunkedBodyAboveTheLimitGets413Problem() {
    InputStream big = new ByteArrayInputStream(new byte[256 * 1024]);
    given()
        .auth()
        .oauth2(promoter())
        .contentType("application/octet-stream")
        .body(big)
        .when()
        .post("/api/participants/upload")
        .then()
        .statusCode(413)
        .contentType(PROBLEM);
  }

  @Test
  void oversizedChunkedBodiesNeverOpenTheCircuitForOtherCallers() {
    for (int i = 0; i < 8; i++) {
      given()
          .auth()
          .oauth2(promoter())
          .contentType("application/octet-stream")
          .body(new ByteArrayInputStream(new byte[2 * 1024 * 1024]))
          .when()
          .post("/api/participants/upload")
          .then()
          .statusCode(413)
          .contentType(PROBLEM)
          .body("type", equalTo("https://percorsi.it/problems/payload-too-large"));
    }
    given().auth().oauth2(promoter()).when().get("/api/participants/echo").then().statusCode(200);
  }

  @Test
  void aChunkedBodyWithinTheLimitStreamsThrough() {
    InputStream small = new ByteArrayInputStream(new byte[60 * 1024]);
    given()
        .auth()
        .oauth2(promoter())
        .contentType("application/octet-stream")
        .body(small)
        .when()
        .post("/api/participants/upload")
        .then()
        .statusCode(200)
        .body("bytes", equalTo(60 * 1024));
  }

  @Test
  void largeResponsesStreamBack() {
    byte[] body =
        given()
            .auth()
            .oauth2(promoter())
            .when()
            .get("/api/participants/big")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertEquals(2 * 1024 * 1024, body.length);
  }

  @Test
  void aSlowServiceGets504Problem() {
    given()
        .auth()
        .oauth2(promoter())
        .when()
        .get("/api/participants/slow")
        .then()
        .statusCode(504)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/upstream-timeout"));
  }

  @Test
  void upstreamProblemsPassUnchanged() {
    given()
        .auth()
        .oauth2(promoter())
        .when()
        .get("/api/participants/problem")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body(equalTo(FakeServices.UPSTREAM_PROBLEM));
  }

  @Test
  void locationPointsToTheConfiguredPublicUrlWhateverTheHostHeaderSays() {
    given()
        .auth()
        .oauth2(promoter())
        .header("Host", "evil.example:666")
        .when()
        .get("/api/participants/created")
        .then()
        .statusCode(201)
        .header("Location", equalTo("https://api.percorsi.example/api/participants/42?view=full"));
  }

  @Test
  void aFailingUpstreamOpensItsBreakerAndIsLeftAlone() {
    String token = promoter();
    for (int i = 0; i < 3; i++) {
      given().auth().oauth2(token).when().get("/api/flaky/x").then().statusCode(503);
    }
    int reached = given().when().get(flaky + "/stats").then().extract().path("calls");
    for (int i = 0; i < 5; i++) {
      given()
          .auth()
          .oauth2(token)
          .when()
          .get("/api/flaky/x")
          .then()
          .statusCode(503)
          .contentType(PROBLEM)
          .header("Retry-After", notNullValue())
          .body("type", equalTo("https://percorsi.it/problems/upstream-unavailable"));
    }
    assertEquals(
        reached, (int) given().when().get(flaky + "/stats").then().extract().path("calls"));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "/api/participants/../q/metrics",
        "/api/participants/%2e%2e/q/metrics",
        "/api/participants/x%2f..%2f..%2fq%2fmetrics",
        "/api/participants/./echo"
      })
  void pathTricksAreRefused(String path) {
    given()
        .urlEncodingEnabled(false)
        .auth()
        .oauth2(promoter())
        .when()
        .get(path)
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(400, 404))
        .contentType(PROBLEM);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"/q/metrics", "/q/health", "/q/dev", "/q/openapi", "/api/q/metrics", "/nowhere"})
  void nothingButTheRoutesIsReachable(String path) {
    given()
        .auth()
        .oauth2(promoter())
        .when()
        .get(path)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", equalTo("https://percorsi.it/problems/not-found"));
  }

  @Test
  void servesTheMergedOpenApiOfPublicPathsOnly() {
    given()
        .when()
        .get("/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/api/participants"))
        .body("paths", hasKey("/api/participants/{id}"))
        .body("paths", not(hasKey("/internal/projections/participants/{id}")))
        .body("paths", not(hasKey("/api/internal/projections/participants/{id}")))
        .body("components.schemas", hasKey("ParticipantView"))
        .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
  }

  @Test
  void servesSwaggerUiPointedAtTheMergedDocument() {
    given().when().get("/swagger-ui/").then().statusCode(200).contentType(containsString("html"));
    String config =
        given().when().get("/swagger-ui/").then().extract().asString()
            + RestAssured.get("/swagger-ui/index.html").asString();
    assertTrue(config.contains("/openapi"), "swagger-ui does not point to /openapi");
  }

  @Test
  void corsAllowsOnlyTheConfiguredOrigins() {
    given()
        .header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "POST")
        .when()
        .options("/api/participants")
        .then()
        .header("Access-Control-Allow-Origin", "http://localhost:8080");
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .when()
        .options("/api/participants")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void concurrentRequestsOfOneClientAreAllAnswered() throws Exception {
    String token = TestJwt.rs256(TestJwt.claims("parallel-" + UUID.randomUUID(), "promoter"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      var futures =
          Stream.generate(
                  () ->
                      pool.submit(
                          () ->
                              given()
                                  .auth()
                                  .oauth2(token)
                                  .get("/api/participants/echo")
                                  .statusCode()))
              .limit(16)
              .toList();
      for (Future<Integer> f : futures) {
        assertEquals(200, (int) f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
