package it.percorsi.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the gateway talks to in its own tests, on loopback: an OIDC issuer serving the test keys
 * (and counting how often it is asked), a service that echoes what it receives, and a service that
 * always fails (for the circuit breaker). Both count requests at {@code /stats}.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

  static final String UPSTREAM_PROBLEM =
      "{\"type\":\"https://percorsi.it/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
          + "\"detail\":\"from the service\",\"custom\":[1,2,3]}";

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    AtomicInteger issuerCalls = new AtomicInteger();
    int issuerPort = listen(req -> issuer(req, issuerCalls));
    String issuer = "http://127.0.0.1:" + issuerPort + "/realms/test";
    System.setProperty(TestJwt.ISSUER_PROPERTY, issuer);
    int upstream = listen(req -> upstream(vertx, req));
    AtomicInteger flakyCalls = new AtomicInteger();
    int flaky = listen(req -> flaky(req, flakyCalls));

    Map<String, String> config = new HashMap<>();
    config.put("quarkus.oidc.auth-server-url", issuer);
    for (String route :
        List.of(
            "participants",
            "programmes",
            "dotes",
            "disbursements",
            "plans",
            "employers",
            "internships",
            "hires",
            "outcomes")) {
      config.put("percorsi.gateway.routes." + route + ".upstream", "http://127.0.0.1:" + upstream);
    }
    config.put("percorsi.gateway.routes.flaky.prefix", "/api/flaky");
    config.put("percorsi.gateway.routes.flaky.upstream", "http://127.0.0.1:" + flaky);
    config.put("percorsi.gateway.routes.flaky.read-roles", "promoter");
    config.put("percorsi.gateway.upstream-timeout", "1s");
    config.put("percorsi.gateway.max-body-size", "64K");
    config.put("percorsi.gateway.rate-limit.burst", "50");
    config.put("percorsi.gateway.rate-limit.per-second", "20");
    config.put("percorsi.gateway.circuit-breaker.failure-threshold", "3");
    config.put("percorsi.gateway.circuit-breaker.open-for", "2s");
    config.put("percorsi.test.upstream", "http://127.0.0.1:" + upstream);
    config.put("percorsi.test.flaky", "http://127.0.0.1:" + flaky);
    config.put("percorsi.test.issuer-stats", "http://127.0.0.1:" + issuerPort + "/stats");
    return config;
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private int listen(io.vertx.core.Handler<HttpServerRequest> handler) {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(handler)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .join();
    return server.actualPort();
  }

  private static void issuer(HttpServerRequest req, AtomicInteger calls) {
    String base = "http://127.0.0.1:" + req.localAddress().port() + "/realms/test";
    if (req.path().equals("/stats")) {
      json(req, 200, new JsonObject().put("calls", calls.get()));
      return;
    }
    calls.incrementAndGet();
    if (req.path().endsWith("/.well-known/openid-configuration")) {
      json(
          req,
          200,
          new JsonObject()
              .put("issuer", base)
              .put("jwks_uri", base + "/protocol/openid-connect/certs")
              .put("token_endpoint", base + "/protocol/openid-connect/token")
              .put("authorization_endpoint", base + "/protocol/openid-connect/auth"));
    } else if (req.path().endsWith("/certs")) {
      json(req, 200, TestJwt.jwks());
    } else {
      req.response().setStatusCode(404).end();
    }
  }

  private static void upstream(Vertx vertx, HttpServerRequest req) {
    String path = req.path();
    switch (path) {
      case "/participants/slow" ->
          vertx.setTimer(3_000, id -> json(req, 200, new JsonObject().put("slow", true)));
      case "/participants/problem" ->
          req.response()
              .setStatusCode(409)
              .putHeader("Content-Type", "application/problem+json")
              .end(UPSTREAM_PROBLEM);
      case "/participants/created" ->
          req.response()
              .setStatusCode(201)
              .putHeader("Location", "http://127.0.0.1:1/participants/42?view=full")
              .end();
      case "/participants/upload" ->
          req.body().onSuccess(b -> json(req, 200, new JsonObject().put("bytes", b.length())));
      case "/participants/big" -> {
        req.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        for (int i = 0; i < 32; i++) {
          req.response().write(chunk);
        }
        req.response().end();
      }
      case "/q/openapi" ->
          json(
              req,
              200,
              new JsonObject(
                  "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"svc\",\"version\":\"1\"},"
                      + "\"tags\":[{\"name\":\"participants\"}],"
                      + "\"paths\":{\"/participants\":{\"post\":{}},"
                      + "\"/participants/{id}\":{\"get\":{\"responses\":{\"200\":{\"content\":"
                      + "{\"application/json\":{\"schema\":"
                      + "{\"$ref\":\"#/components/schemas/ParticipantView\"}}}}}}},"
                      + "\"/internal/projections/participants/{id}\":{\"get\":{}}},"
                      + "\"components\":{\"schemas\":{\"ParticipantView\":{\"type\":\"object\"}}}}"));
      default -> req.body().onSuccess(b -> json(req, 200, echo(req, b)));
    }
  }

  private static JsonObject echo(HttpServerRequest req, Buffer body) {
    JsonObject headers = new JsonObject();
    req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
    return new JsonObject()
        .put("method", req.method().name())
        .put("uri", req.uri())
        .put("headers", headers)
        .put("bytes", body.length());
  }

  private static void flaky(HttpServerRequest req, AtomicInteger calls) {
    if (req.path().equals("/stats")) {
      json(req, 200, new JsonObject().put("calls", calls.get()));
      return;
    }
    calls.incrementAndGet();
    req.response()
        .setStatusCode(503)
        .putHeader("Content-Type", "application/problem+json")
        .end("{\"type\":\"https://percorsi.it/problems/upstream-down\",\"status\":503}");
  }

  private static void json(HttpServerRequest req, int status, JsonObject body) {
    req.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
