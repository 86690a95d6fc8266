package it.percorsi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.testkit.KeycloakServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Real tokens of the realm that are not access tokens for the API: a demo user's ID token (audience
 * {@code percorsi-cli}, {@code typ} ID) and refresh token (HS512, {@code typ} Refresh).
 */
final class RealTokens {

  record Login(String accessToken, String idToken, String refreshToken) {}

  private RealTokens() {}

  static Login login(String user) {
    String form =
        "grant_type=password&client_id=percorsi-cli&scope=openid&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(user + "-demo", StandardCharsets.UTF_8);
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(KeycloakServer.realmUrl() + "/protocol/openid-connect/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      JsonNode body = new ObjectMapper().readTree(r.body());
      return new Login(
          body.get("access_token").asText(),
          body.get("id_token").asText(),
          body.get("refresh_token").asText());
    } catch (Exception e) {
      throw new IllegalStateException("login of " + user + " failed", e);
    }
  }
}
