package it.percorsi.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The OpenAPI document partners see at {@code /openapi}: each service's own document ({@code
 * /q/openapi}, which stays unreachable from outside) fetched and refreshed periodically, only its
 * public paths kept, each under the gateway's {@code /api} prefix. A service that is down keeps the
 * last copy the gateway had of its document.
 */
@ApplicationScoped
public class MergedOpenApi {

  private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
  private static final List<String> COMPONENT_KINDS =
      List.of(
          "schemas",
          "responses",
          "parameters",
          "examples",
          "requestBodies",
          "headers",
          "securitySchemes",
          "links",
          "callbacks");

  private static final long MISS_REFRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(3);

  /** Security schemes an operation may use: any one of them is enough. */
  static final List<String> SCHEMES = List.of("bearer", "clientCredentials", "authorizationCode");

  private final GatewayConfig config;
  private final String issuer;
  private final Map<URI, JsonObject> documents = new ConcurrentHashMap<>();
  private volatile Buffer merged;
  private volatile long lastMissRefresh;
  private HttpClient client;

  public MergedOpenApi(
      GatewayConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
    this.config = config;
    this.issuer = issuer;
  }

  void start(@Observes StartupEvent ev, Vertx vertx) {
    client = vertx.createHttpClient();
    refresh();
    vertx.setPeriodic(config.openapi().refresh().toMillis(), id -> refresh());
  }

  /**
   * Answers {@code GET /openapi}. While a service's document is missing (it started after the
   * gateway), it is asked again, at most every few seconds however many callers ask.
   */
  void serve(RoutingContext ctx) {
    long now = System.nanoTime();
    boolean missing = merged == null || documents.size() < upstreams().size();
    Future<Void> ready = Future.succeededFuture();
    if (missing && now - lastMissRefresh > MISS_REFRESH_NANOS) {
      lastMissRefresh = now;
      ready = refresh();
    }
    ready.onComplete(
        ar ->
            ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "public, max-age=60")
                .end(merged == null ? Buffer.buffer(merge().encode()) : merged));
  }

  /** Fetches every service's document again; failures keep the previous copy. */
  Future<Void> refresh() {
    List<Future<?>> fetches = new ArrayList<>();
    for (URI upstream : upstreams().keySet()) {
      fetches.add(
          fetch(upstream)
              .onSuccess(doc -> documents.put(upstream, doc))
              .onFailure(
                  e ->
                      LOG.debugf("OpenAPI of %s not available yet: %s", upstream, e.getMessage())));
    }
    return Future.join(fetches)
        .transform(
            ar -> {
              merged = Buffer.buffer(merge().encodePrettily());
              return Future.succeededFuture();
            });
  }

  private Future<JsonObject> fetch(URI upstream) {
    return client
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.getHost())
                .setPort(Gateway.port(upstream))
                .setURI("/q/openapi?format=json")
                .setIdleTimeout(5_000)
                .putHeader("Accept", "application/json"))
        .compose(req -> req.send())
        .compose(
            (HttpClientResponse res) ->
                res.statusCode() == 200
                    ? res.body()
                    : Future.failedFuture("status " + res.statusCode()))
        .map(Buffer::toJsonObject);
  }

  /** Public prefixes by owning service. */
  private Map<URI, List<String>> upstreams() {
    Map<URI, List<String>> byUpstream = new LinkedHashMap<>();
    config.routes().values().stream()
        .sorted((a, b) -> a.prefix().compareTo(b.prefix()))
        .forEach(
            r -> byUpstream.computeIfAbsent(r.upstream(), u -> new ArrayList<>()).add(r.prefix()));
    return byUpstream;
  }

  JsonObject merge() {
    return merge(documents, upstreams());
  }

  /**
   * Merges service documents: paths under one of the service's public prefixes (after {@code
   * /api}), their components (a schema name used by two services for different schemas is renamed,
   * see {@link #withoutSchemaClashes}), tags, the servers and the gateway's security schemes.
   */
  JsonObject merge(Map<URI, JsonObject> documents, Map<URI, List<String>> owners) {
    JsonObject paths = new JsonObject();
    JsonObject components = new JsonObject();
    JsonArray tags = new JsonArray();
    String openapi = "3.1.0";
    for (Map.Entry<URI, List<String>> owner : owners.entrySet()) {
      JsonObject doc = documents.get(owner.getKey());
      if (doc == null) {
        continue;
      }
      doc = withoutSchemaClashes(doc, components, owner.getValue());
      openapi = doc.getString("openapi", openapi);
      JsonObject servicePaths = doc.getJsonObject("paths", new JsonObject());
      for (String path : servicePaths.fieldNames()) {
        String pub = "/api" + path;
        if (owner.getValue().stream().anyMatch(p -> pub.equals(p) || pub.startsWith(p + "/"))) {
          paths.put(pub, withSecurityAlternatives(servicePaths.getJsonObject(path)));
        }
      }
      JsonObject serviceComponents = doc.getJsonObject("components", new JsonObject());
      for (String kind : COMPONENT_KINDS) {
        JsonObject from = serviceComponents.getJsonObject(kind);
        if (from == null) {
          continue;
        }
        JsonObject to = components.getJsonObject(kind, new JsonObject());
        from.forEach(
            c -> {
              if (!to.containsKey(c.getKey())) {
                to.put(c.getKey(), c.getValue());
              }
            });
        components.put(kind, to);
      }
      for (Object tag : doc.getJsonArray("tags", new JsonArray())) {
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      }
    }
    if (components.containsKey("schemas")) {
      JsonObject others = components.copy();
      others.remove("schemas");
      components.put("schemas", reachable(components.getJsonObject("schemas"), paths, others));
    }
    components.put("securitySchemes", securitySchemes());
    return new JsonObject()
        .put("openapi", openapi)
        .put(
            "info",
            new JsonObject()
                .put("title", config.openapi().title())
                .put("version", config.openapi().version())
                .put(
                    "description",
                    "Every public operation of the Percorsi services, through the gateway."))
        .put("servers", servers())
        .put("tags", tags)
        .put("paths", paths)
        .put("components", components)
        .put("security", securityAlternatives());
  }

  /**
   * A schema name another service already used for a different schema would silently give one
   * service's operations the other's shape: this service's schema is renamed (its first public
   * prefix, singular, before the name: {@code PlanHistoryEntry}) and its references follow. Names
   * chosen in the services avoid this; it is the safety net.
   */
  static JsonObject withoutSchemaClashes(JsonObject doc, JsonObject merged, List<String> prefixes) {
    JsonObject taken = merged.getJsonObject("schemas", new JsonObject());
    JsonObject own = doc.getJsonObject("components", new JsonObject()).getJsonObject("schemas");
    if (own == null) {
      return doc;
    }
    Map<String, String> renames = new LinkedHashMap<>();
    for (String name : own.fieldNames()) {
      if (taken.containsKey(name) && !taken.getValue(name).equals(own.getValue(name))) {
        renames.put(name, owner(prefixes) + name);
      }
    }
    if (renames.isEmpty()) {
      return doc;
    }
    LOG.warnf("Schemas renamed in the merged OpenAPI (same name, other shape): %s", renames);
    String text = doc.encode();
    for (Map.Entry<String, String> r : renames.entrySet()) {
      text =
          text.replace(
              "\"#/components/schemas/" + r.getKey() + "\"",
              "\"#/components/schemas/" + r.getValue() + "\"");
    }
    JsonObject renamed = new JsonObject(text);
    JsonObject schemas = renamed.getJsonObject("components").getJsonObject("schemas");
    renames.forEach((from, to) -> schemas.put(to, schemas.remove(from)));
    return renamed;
  }

  private static final Pattern SCHEMA_REF = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

  /**
   * The schemas the published paths (and the other components) reach, in their order: a service's
   * internal paths are left out of the document, and so are the schemas only they use.
   */
  static JsonObject reachable(JsonObject schemas, JsonObject... roots) {
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (JsonObject root : roots) {
      refs(root.encode(), todo);
    }
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (schemas.containsKey(name) && reached.add(name)) {
        refs(Json.encode(schemas.getValue(name)), todo);
      }
    }
    JsonObject kept = new JsonObject();
    schemas.forEach(
        s -> {
          if (reached.contains(s.getKey())) {
            kept.put(s.getKey(), s.getValue());
          }
        });
    return kept;
  }

  private static void refs(String json, Deque<String> into) {
    Matcher m = SCHEMA_REF.matcher(json);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  /** {@code /api/plans} → {@code Plan}. */
  private static String owner(List<String> prefixes) {
    String last = prefixes.get(0).substring(prefixes.get(0).lastIndexOf('/') + 1);
    String singular = last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
    return Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
  }

  private JsonArray servers() {
    JsonArray servers = new JsonArray();
    for (GatewayConfig.OpenApi.Server s : config.openapi().servers()) {
      servers.add(
          new JsonObject()
              .put("url", s.url().toString().replaceAll("/+$", ""))
              .put("description", s.description()));
    }
    return servers;
  }

  /**
   * A bearer token, and the two OAuth2 flows of Keycloak that give one: client credentials for a
   * partner system, authorization code (with PKCE, client {@code percorsi-cli}) for a person.
   */
  private JsonObject securitySchemes() {
    String realm = config.openapi().authUrl().toString().replaceAll("/+$", "");
    String token = realm + "/protocol/openid-connect/token";
    // Only the gateway's: what a service declares for itself (its OIDC scheme) is not the door.
    JsonObject schemes = new JsonObject();
    schemes.put(
        "bearer",
        new JsonObject()
            .put("type", "http")
            .put("scheme", "bearer")
            .put("bearerFormat", "JWT")
            .put("description", "An access token of the percorsi realm (" + issuer + ")"));
    schemes.put(
        "clientCredentials",
        new JsonObject()
            .put("type", "oauth2")
            .put(
                "description",
                "A partner system's own client (client id and secret from the agency); roles and"
                    + " org_id come with the client")
            .put(
                "flows",
                new JsonObject()
                    .put(
                        "clientCredentials",
                        new JsonObject().put("tokenUrl", token).put("scopes", new JsonObject()))));
    schemes.put(
        "authorizationCode",
        new JsonObject()
            .put("type", "oauth2")
            .put("description", "A person signing in (public client percorsi-cli, with PKCE)")
            .put(
                "flows",
                new JsonObject()
                    .put(
                        "authorizationCode",
                        new JsonObject()
                            .put("authorizationUrl", realm + "/protocol/openid-connect/auth")
                            .put("tokenUrl", token)
                            .put("scopes", new JsonObject()))));
    return schemes;
  }

  private static JsonArray securityAlternatives() {
    JsonArray alternatives = new JsonArray();
    SCHEMES.forEach(s -> alternatives.add(new JsonObject().put(s, new JsonArray())));
    return alternatives;
  }

  /** A service names only {@code bearer}: through the gateway any of the schemes will do. */
  private static JsonObject withSecurityAlternatives(JsonObject pathItem) {
    JsonObject item = pathItem.copy();
    for (String method : item.fieldNames()) {
      Object operation = item.getValue(method);
      if (operation instanceof JsonObject op && op.containsKey("security")) {
        op.put("security", securityAlternatives());
      }
    }
    return item;
  }
}
