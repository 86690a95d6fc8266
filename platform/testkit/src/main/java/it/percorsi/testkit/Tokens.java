package it.percorsi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the test Keycloak for the demo clients (client credentials) and demo
 * users (password grant through {@code percorsi-cli}) of {@code
 * deploy/keycloak/realm-percorsi.json}.
 */
public final class Tokens {

  /** Demo confidential clients and their (demo-only) secrets. */
  public static final Map<String, String> CLIENTS =
      Map.of(
          "promoter-a", "promoter-a-secret",
          "promoter-b", "promoter-b-secret",
          "integrator", "integrator-secret",
          "short-lived-test", "short-lived-test-secret",
          "placement-service", "placement-service-secret");

  /** Demo users; each password is {@code <user>-demo}. */
  public static final java.util.Set<String> USERS =
      java.util.Set.of(
          "cpi-messina", "cpi-palermo", "agency-admin", "host-acme", "auditor", "promoter-a-staff");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

  private record Cached(String token, long expiresAtMillis) {}

  private Tokens() {}

  /** A token for a demo client or demo user, cached until shortly before it expires. */
  public static String of(String principal) {
    Cached c = CACHE.get(principal);
    if (c != null && c.expiresAtMillis() > System.currentTimeMillis() + 30_000) {
      return c.token();
    }
    Map<String, String> form;
    if (CLIENTS.containsKey(principal)) {
      form =
          Map.of(
              "grant_type",
              "client_credentials",
              "client_id",
              principal,
              "client_secret",
              CLIENTS.get(principal));
    } else if (USERS.contains(principal)) {
      form =
          Map.of(
              "grant_type", "password",
              "client_id", "percorsi-cli",
              "username", principal,
              "password", principal + "-demo",
              "scope", "openid");
    } else {
      throw new IllegalArgumentException("no demo client or user named " + principal);
    }
    JsonNode body = post(KeycloakServer.realmUrl() + "/protocol/openid-connect/token", form);
    String token = body.get("access_token").asText();
    CACHE.put(
        principal,
        new Cached(token, System.currentTimeMillis() + body.get("expires_in").asLong() * 1000));
    return token;
  }

  /** A token for client {@code clientId} of another realm (for tests that must refuse it). */
  public static String ofOtherRealm(String realm, String clientId, String secret) {
    JsonNode body =
        post(
            KeycloakServer.realmUrl(realm) + "/protocol/openid-connect/token",
            Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret));
    return body.get("access_token").asText();
  }

  public static String bearer(String principal) {
    return "Bearer " + of(principal);
  }

  private static JsonNode post(String url, Map<String, String> form) {
    String encoded =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(encoded))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("token request failed: " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("token request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
