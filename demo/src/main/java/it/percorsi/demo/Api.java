package it.percorsi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's public API as a partner calls it: the gateway, with access tokens of the demo
 * principals from Keycloak (client credentials for the promoters, the password grant through {@code
 * percorsi-cli} for the users; all demo secrets). Retries what a partner retries: a refused
 * connection, 429 and 503 (after Retry-After), an expired token.
 */
public final class Api {

  /** An answer: status, JSON body (NullNode when none), headers. */
  public record Resp(int status, JsonNode body, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public boolean ok() {
      return status / 100 == 2;
    }

    public String type() {
      String t = body.path("type").asText("");
      return t.substring(t.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
      return status
          + " "
          + raw.request().method()
          + " "
          + raw.request().uri().getPath()
          + " "
          + raw.body();
    }
  }

  private record Token(String value, long expiresAtMillis) {}

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final String gateway;
  private final String keycloak;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong writes = new AtomicLong();

  public Api(String gateway, String keycloak) {
    this.gateway = gateway.replaceAll("/+$", "");
    this.keycloak = keycloak.replaceAll("/+$", "");
  }

  public Resp get(String who, String path) {
    return call(who, "GET", path, null, Map.of());
  }

  public Resp post(String who, String path, Object body, String idempotencyKey) {
    return call(
        who,
        "POST",
        path,
        body,
        idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
  }

  public Resp put(String who, String path, Object body, String ifMatch) {
    return call(who, "PUT", path, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
  }

  /** Every item of a paged list, following the cursor. */
  public List<JsonNode> list(String who, String path) {
    List<JsonNode> out = new ArrayList<>();
    String sep = path.contains("?") ? "&" : "?";
    String cursor = null;
    do {
      String p = path + sep + "limit=200" + (cursor == null ? "" : "&cursor=" + enc(cursor));
      Resp r = get(who, p);
      if (!r.ok()) {
        throw new DemoException("cannot list " + path + ": " + r);
      }
      r.body().path("items").forEach(out::add);
      JsonNode next = r.body().path("next");
      cursor = next.isMissingNode() || next.isNull() ? null : next.asText();
    } while (cursor != null);
    return out;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  public Resp call(
      String who, String method, String path, Object body, Map<String, String> headers) {
    if (!"GET".equals(method)) {
      writes.incrementAndGet();
    }
    int attempt = 0;
    while (true) {
      attempt++;
      requests.incrementAndGet();
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token(who))
                .header("Accept", "application/json");
        headers.forEach(b::header);
        if (body != null) {
          b.header("Content-Type", "application/json");
          b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
          b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> raw = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        int s = raw.statusCode();
        if (s == 401 && attempt < 3) {
          tokens.remove(who);
          continue;
        }
        if ((s == 429 || s == 503 || s == 502) && attempt < 30) {
          long wait =
              raw.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L) * 1000;
          Thread.sleep(Math.min(wait, 5000));
          continue;
        }
        JsonNode json =
            raw.body() == null || raw.body().isBlank() ? NullNode.getInstance() : parse(raw.body());
        return new Resp(s, json, raw);
      } catch (IOException e) {
        if (attempt >= 5) {
          throw new DemoException(
              "the gateway does not answer at "
                  + gateway
                  + " ("
                  + e.getMessage()
                  + ")."
                  + " Is the platform up? ./percorsi up");
        }
        sleep(1000L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoException("interrupted");
      }
    }
  }

  private static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(s);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted");
    }
  }

  /** A valid access token of a demo principal (refreshed a minute before it expires). */
  String token(String who) {
    Token t = tokens.get(who);
    if (t != null && t.expiresAtMillis() > System.currentTimeMillis() + 60_000) {
      return t.value();
    }
    synchronized (this) {
      t = tokens.get(who);
      if (t != null && t.expiresAtMillis() > System.currentTimeMillis() + 60_000) {
        return t.value();
      }
      String form =
          who.startsWith("promoter-")
              ? "grant_type=client_credentials&client_id="
                  + who
                  + "&client_secret="
                  + who
                  + "-secret"
              : "grant_type=password&client_id=percorsi-cli&scope=openid&username="
                  + who
                  + "&password="
                  + who
                  + "-demo";
      String url = keycloak + "/realms/percorsi/protocol/openid-connect/token";
      for (int attempt = 1; ; attempt++) {
        try {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(30))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          JsonNode json = JSON.readTree(r.body());
          if (r.statusCode() != 200) {
            throw new DemoException("no token for " + who + " from " + url + ": " + r.body());
          }
          Token fresh =
              new Token(
                  json.path("access_token").asText(),
                  System.currentTimeMillis() + json.path("expires_in").asLong(300) * 1000);
          tokens.put(who, fresh);
          return fresh.value();
        } catch (IOException e) {
          if (attempt >= 5) {
            throw new DemoException(
                "Keycloak does not answer at " + keycloak + " (" + e.getMessage() + ")");
          }
          sleep(1000L * attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DemoException("interrupted");
        }
      }
    }
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  /** A failure the demo cannot go on from. */
  public static final class DemoException extends RuntimeException {
    public DemoException(String message) {
      super(message);
    }
  }
}
