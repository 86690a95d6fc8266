package it.percorsi.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The reverse proxy: for each configured route, checks the caller (verified token, coarse role
 * rule), sets a request id, drops headers that could impersonate an identity, and streams the
 * request to the owning service with Vert.x's HTTP proxy.
 */
@ApplicationScoped
public class Gateway {

  static final String REQUEST_ID = "X-Request-Id";
  private static final Logger LOG = Logger.getLogger(Gateway.class);
  private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  private final GatewayConfig config;

  public Gateway(GatewayConfig config) {
    this.config = config;
  }

  void routes(@Observes Router router, Vertx vertx) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(2_000)
                .setKeepAlive(true)
                .setMaxInitialLineLength(8192),
            new PoolOptions().setHttp1MaxSize(100));
    Set<String> dropped =
        config.droppedHeaders().stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    for (Map.Entry<String, GatewayConfig.Route> e : config.routes().entrySet()) {
      GatewayConfig.Route route = e.getValue();
      HttpProxy proxy = HttpProxy.reverseProxy(client);
      SocketAddress origin =
          SocketAddress.inetSocketAddress(port(route), route.upstream().getHost());
      long timeout = config.upstreamTimeout().toMillis();
      proxy.originRequestProvider(
          (req, c) -> c.request(new RequestOptions().setServer(origin).setIdleTimeout(timeout)));
      proxy.addInterceptor(new Forwarding(route, dropped));
      String prefix = route.prefix();
      router.route(prefix).handler(ctx -> forward(ctx, route, proxy));
      router.route(prefix + "/*").handler(ctx -> forward(ctx, route, proxy));
      LOG.infof("Route %s -> %s", prefix, route.upstream());
    }
  }

  private static int port(GatewayConfig.Route route) {
    int port = route.upstream().getPort();
    return port > 0 ? port : ("https".equals(route.upstream().getScheme()) ? 443 : 80);
  }

  private void forward(RoutingContext ctx, GatewayConfig.Route route, HttpProxy proxy) {
    if (ctx.request().getHeader(REQUEST_ID) == null) {
      ctx.request().headers().set(REQUEST_ID, UUID.randomUUID().toString());
    }
    SecurityIdentity identity = identity(ctx);
    if (identity == null || identity.isAnonymous()) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      Problems.send(ctx, Problems.unauthorized());
      return;
    }
    boolean read = READS.contains(ctx.request().method());
    var allowed = read ? route.readRoles() : route.writeRoles();
    if (allowed.stream().noneMatch(identity::hasRole)) {
      Problems.send(ctx, Problems.forbidden());
      return;
    }
    proxy.handle(ctx.request());
  }

  private static SecurityIdentity identity(RoutingContext ctx) {
    if (ctx.user() instanceof QuarkusHttpUser user) {
      return user.getSecurityIdentity();
    }
    return null;
  }

  private void failure(RoutingContext ctx) {
    Throwable f = ctx.failure();
    if (f instanceof AuthenticationFailedException || f instanceof UnauthorizedException) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      Problems.send(ctx, Problems.unauthorized());
    } else if (ctx.statusCode() == 413) {
      Problems.send(
          ctx,
          Problems.problem(
              "payload-too-large", "Payload too large", 413, "The request body is too large"));
    } else if (f == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      Problems.send(
          ctx, Problems.problem("bad-request", "Bad request", ctx.statusCode(), "Bad request"));
    } else {
      String traceId = UUID.randomUUID().toString();
      LOG.errorf(f, "Gateway failure, trace id %s", traceId);
      Problems.send(
          ctx,
          Problems.problem(
                  "internal",
                  "Internal error",
                  500,
                  "Something went wrong on our side; quote the trace id when reporting it")
              .put("traceId", traceId));
    }
  }

  /** The base URL the caller used, e.g. {@code https://api.example.it}. */
  static String publicBase(io.vertx.core.http.HttpServerRequest request) {
    String host = request.getHeader("Host");
    return request.scheme() + "://" + (host == null ? "localhost" : host);
  }

  /** Maps a service's {@code Location} (its own host, no {@code /api}) to the public one. */
  static String publicLocation(String location, String publicBase) {
    java.net.URI uri;
    try {
      uri = java.net.URI.create(location);
    } catch (IllegalArgumentException e) {
      return location;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return publicBase + "/api" + path + query;
  }

  /** Rewrites the path to the service's, cleans headers, turns upstream failures into problems. */
  private static final class Forwarding implements ProxyInterceptor {
    private final GatewayConfig.Route route;
    private final Set<String> dropped;

    Forwarding(GatewayConfig.Route route, Set<String> dropped) {
      this.route = route;
      this.dropped = dropped;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
      var request = ctx.request();
      String uri = request.getURI();
      if (uri.startsWith("/api/")) {
        request.setURI(uri.substring("/api".length()));
      }
      for (String name : Set.copyOf(request.headers().names())) {
        if (dropped.contains(name.toLowerCase(Locale.ROOT))) {
          request.headers().remove(name);
        }
      }
      String requestId = request.proxiedRequest().getHeader(REQUEST_ID);
      String publicBase = publicBase(request.proxiedRequest());
      return ctx.sendRequest()
          .map(
              response -> {
                response.headers().set(REQUEST_ID, requestId);
                String location = response.headers().get("Location");
                if (location != null) {
                  response.headers().set("Location", publicLocation(location, publicBase));
                }
                return response;
              })
          .recover(
              err -> {
                boolean timedOut =
                    err instanceof TimeoutException
                        || String.valueOf(err.getMessage())
                            .toLowerCase(Locale.ROOT)
                            .contains("timeout");
                JsonObject problem =
                    timedOut
                        ? Problems.problem(
                            "upstream-timeout",
                            "Upstream timeout",
                            504,
                            "The service behind " + route.prefix() + " did not answer in time")
                        : Problems.problem(
                            "upstream-unavailable",
                            "Service unavailable",
                            503,
                            "The service behind " + route.prefix() + " is unavailable");
                problem.put("requestId", requestId);
                ProxyResponse response = ctx.request().response();
                response
                    .setStatusCode(problem.getInteger("status"))
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .putHeader(REQUEST_ID, requestId)
                    .setBody(Body.body(Buffer.buffer(problem.encode())));
                if (!timedOut) {
                  response.putHeader("Retry-After", "5");
                }
                return Future.succeededFuture(response);
              });
    }
  }
}
