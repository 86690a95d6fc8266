package it.percorsi.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads a gateway's Prometheus metrics on its management interface. */
public final class GatewayMetrics {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private GatewayMetrics() {}

  /** Requests the gateway has sent to Keycloak since it started (discovery, keys, anything). */
  public static long keycloakCalls(String managementUrl) {
    String text;
    try {
      text =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("percorsi_gateway_keycloak_calls_total")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Math.round(sum);
  }
}
