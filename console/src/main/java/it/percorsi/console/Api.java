package it.percorsi.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public API as the signed-in user sees it: every call goes through the gateway with the user's
 * own access token (from the encrypted session), so the console shows exactly what that token
 * allows. Never a database.
 */
@RequestScoped
public class Api {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> ARRAY = new TypeReference<>() {};

  private final String base;
  private final AccessTokenCredential token;
  private final ObjectMapper json;

  public Api(
      @ConfigProperty(name = "percorsi.console.api-url") String base,
      AccessTokenCredential token,
      ObjectMapper json) {
    this.base = base.replaceAll("/+$", "");
    this.token = token;
    this.json = json;
  }

  /** An answer that was not a 2xx: its status and body (problem+json). */
  public static final class Failed extends RuntimeException {
    final int status;

    Failed(int status, String path) {
      super("GET " + path + " answered " + status);
      this.status = status;
    }
  }

  CompletableFuture<Map<String, Object>> object(String path) {
    return get(path, "application/json").thenApply(b -> read(b, OBJECT));
  }

  CompletableFuture<List<Map<String, Object>>> array(String path) {
    return get(path, "application/json").thenApply(b -> read(b, ARRAY));
  }

  /** A JSON object, or null when the API answers 404 (not there, or not the caller's). */
  CompletableFuture<Map<String, Object>> objectOrNull(String path) {
    return object(path)
        .exceptionally(
            e -> {
              if (cause(e) instanceof Failed f && (f.status == 404 || f.status == 403)) {
                return null;
              }
              throw e instanceof CompletionException c ? c : new CompletionException(e);
            });
  }

  /** A JSON array, empty when the API answers 404 or 403. */
  CompletableFuture<List<Map<String, Object>>> arrayOrEmpty(String path) {
    return array(path)
        .exceptionally(
            e -> {
              if (cause(e) instanceof Failed f && (f.status == 404 || f.status == 403)) {
                return List.of();
              }
              throw e instanceof CompletionException c ? c : new CompletionException(e);
            });
  }

  String csv(String path) {
    return join(get(path, "text/csv"));
  }

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = cause(e);
      if (c instanceof Failed failed) {
        throw new WebApplicationException(failed.getMessage(), failed.status == 401 ? 401 : 502);
      }
      throw new WebApplicationException("The API could not be reached", 502);
    }
  }

  private static Throwable cause(Throwable e) {
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private CompletableFuture<String> get(String path, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token.getToken())
            .header("Accept", accept)
            .GET()
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(
            r -> {
              if (r.statusCode() / 100 != 2) {
                throw new Failed(r.statusCode(), path);
              }
              return r.body();
            });
  }

  private <T> T read(String body, TypeReference<T> type) {
    try {
      return json.readValue(body, type);
    } catch (IOException e) {
      throw new CompletionException(e);
    }
  }

  /** {@code path?k=v&...} with the non-blank values encoded. */
  static String query(String path, Map<String, String> params) {
    StringBuilder sb = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() != null && !e.getValue().isBlank()) {
        sb.append(sep)
            .append(e.getKey())
            .append('=')
            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return sb.toString();
  }

  static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static String seg(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
