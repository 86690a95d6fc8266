package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OWASP API2:2023 Broken Authentication. Every kind of bad token is a 401 problem at the gateway
 * and also when sent straight to each service's port, so a service never relies on the gateway.
 */
class BrokenAuthenticationTest {

  private static Stack stack;

  /** Where a token can be presented: the gateway, and each service directly. */
  record Target(String name, String baseUrl, String path) {}

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  static List<Target> targets() {
    String id = UUID.randomUUID().toString();
    return List.of(
        new Target("gateway", stack.gateway(), "/api/participants/" + id),
        new Target(
            "participant-service",
            stack.service("participant-service").url(),
            "/participants/" + id),
        new Target("dote-service", stack.service("dote-service").url(), "/programmes"),
        new Target(
            "plan-service",
            stack.service("plan-service").url(),
            "/internal/projections/participants/" + id),
        new Target(
            "placement-service",
            stack.service("placement-service").url(),
            "/internal/projections/participants/" + id),
        new Target(
            "webhook-service",
            stack.service("webhook-service").url(),
            "/webhooks/endpoints/" + id));
  }

  static Stream<Arguments> attacks() {
    long now = Instant.now().getEpochSecond();
    String kid = ForgedTokens.realmKey().kid();
    Supplier<String> real = () -> Tokens.of("promoter-a");
    return Stream.of(
        Arguments.of("missing token", (Supplier<String>) () -> null),
        Arguments.of("empty bearer", (Supplier<String>) () -> ""),
        Arguments.of("not a JWT", (Supplier<String>) () -> "garbage.garbage.garbage"),
        Arguments.of(
            "expired (forged)",
            (Supplier<String>)
                () ->
                    ForgedTokens.forge(
                        kid,
                        c -> {
                          c.put("exp", now - 600);
                          c.put("iat", now - 900);
                        })),
        Arguments.of(
            "not yet valid (forged)",
            (Supplier<String>)
                () ->
                    ForgedTokens.forge(
                        kid,
                        c -> {
                          c.put("nbf", now + 600);
                          c.put("iat", now + 600);
                        })),
        Arguments.of(
            "wrong issuer (forged)",
            (Supplier<String>)
                () -> ForgedTokens.forge(kid, c -> c.put("iss", "https://idp.example/realms/x"))),
        Arguments.of(
            "wrong audience (forged)",
            (Supplier<String>) () -> ForgedTokens.forge(kid, c -> c.put("aud", "account"))),
        Arguments.of(
            "wrong audience (real ID token)",
            (Supplier<String>) () -> RealTokens.login("agency-admin").idToken()),
        Arguments.of(
            "refresh token as bearer (real)",
            (Supplier<String>) () -> RealTokens.login("agency-admin").refreshToken()),
        Arguments.of("alg none", (Supplier<String>) () -> ForgedTokens.algNone(real.get())),
        Arguments.of(
            "HS256 signed with the realm's public key",
            (Supplier<String>) () -> ForgedTokens.hs256WithRealmPublicKey(real.get())),
        Arguments.of(
            "unknown kid", (Supplier<String>) () -> ForgedTokens.forge("rotated-away", c -> {})),
        Arguments.of(
            "realm's kid, another key", (Supplier<String>) () -> ForgedTokens.forge(kid, c -> {})),
        Arguments.of(
            "tampered payload", (Supplier<String>) () -> ForgedTokens.tampered(real.get())),
        Arguments.of(
            "token of another realm",
            (Supplier<String>) () -> Tokens.ofOtherRealm("other", "intruder", "intruder-secret")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusedWith401ProblemAtTheGatewayAndAtEveryService(String attack, Supplier<String> token) {
    String t = token.get();
    for (Target target : targets()) {
      Response r = request(target, t);
      Problems.assertProblem(r, 401, attack + " at " + target.name());
      if (target.name().equals("gateway")) {
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
      }
    }
  }

  @Test
  void aRealTokenIsRefusedEverywhereOnceExpired() {
    String token = Tokens.of("short-lived-test");
    assertThat(request(targets().get(0), token).statusCode()).isNotEqualTo(401);
    // 1 s lifespan, plus the gateway's 5 s and the services' 10 s of allowed clock skew.
    await()
        .pollDelay(Duration.ofSeconds(10))
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () -> {
              for (Target target : targets()) {
                Problems.assertProblem(request(target, token), 401, "expired at " + target.name());
              }
            });
  }

  @Test
  void aFloodOfForgedTokensCostsKeycloakAtMostOneKeyRefresh() {
    long before = GatewayMetrics.keycloakCalls(stack.gatewayManagement());
    String valid = Tokens.of("promoter-b");
    for (int i = 0; i < 100; i++) {
      String forged = ForgedTokens.forge("kid-" + i, c -> {});
      assertThat(request(targets().get(0), forged).statusCode()).isEqualTo(401);
      assertThat(request(targets().get(0), valid).statusCode()).isEqualTo(404);
    }
    long calls = GatewayMetrics.keycloakCalls(stack.gatewayManagement()) - before;
    assertThat(calls).as("requests from the gateway to Keycloak for 200 requests").isLessThan(2);
  }

  @Test
  void theGatewayStillAcceptsARealTokenOfTheRealm() {
    given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/api/participants/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  private static Response request(Target target, String token) {
    RequestSpecification spec = given().baseUri(target.baseUrl());
    if (token != null) {
      spec = spec.header("Authorization", "Bearer " + token);
    }
    return spec.when().get(target.path());
  }
}
