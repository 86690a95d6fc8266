package it.percorsi.placement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for participant-service's tax code resolution in placement-service's component tests
 * (the real endpoint is covered by participant-service's tests and the system tests). Answers the
 * codes registered through {@link #register} and refuses (403) any token that is not
 * placement-service's own with role notice-import, as issued by the real Keycloak.
 */
public class ResolutionStub implements QuarkusTestResourceLifecycleManager {

  private static final Map<String, UUID> PARTICIPANTS = new ConcurrentHashMap<>();
  private static final AtomicInteger LARGEST = new AtomicInteger();
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;

  public static void register(String taxCode, UUID participantId) {
    PARTICIPANTS.put(taxCode, participantId);
  }

  /** The most codes one request asked about. */
  public static int largestRequest() {
    return LARGEST.get();
  }

  public static int calls() {
    return CALLS.get();
  }

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/participants/resolutions",
        exchange -> {
          CALLS.incrementAndGet();
          int status = 200;
          String body;
          try {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !importToken(auth.substring(7))) {
              status = 403;
              body = "{\"status\":403}";
            } else {
              JsonNode req = JSON.readTree(exchange.getRequestBody());
              List<Map<String, Object>> matches = new ArrayList<>();
              LARGEST.accumulateAndGet(req.get("taxCodes").size(), Math::max);
              for (JsonNode c : req.get("taxCodes")) {
                UUID id = PARTICIPANTS.get(c.asText());
                if (id != null) {
                  matches.add(Map.of("taxCode", c.asText(), "participantId", id.toString()));
                }
              }
              body = JSON.writeValueAsString(Map.of("matches", matches));
            }
          } catch (RuntimeException e) {
            status = 500;
            body = "{\"status\":500}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return Map.of(
        "quarkus.rest-client.participant-service.url",
        "http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** placement-service's own token (client credentials) with role notice-import. */
  private static boolean importToken(String jwt) {
    try {
      String[] parts = jwt.split("\\.");
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      boolean role = false;
      for (JsonNode r : claims.path("realm_access").path("roles")) {
        role |= "notice-import".equals(r.asText());
      }
      return role && "placement-service".equals(claims.path("azp").asText());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
