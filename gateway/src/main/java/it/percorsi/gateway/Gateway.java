package it.percorsi.gateway;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import it.percorsi.gateway.VerifiedTokens.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The front door: for each configured route, checks the path, the caller (token verified locally by
 * quarkus-oidc, accepted algorithms, rate limit per client, coarse role rule) and the owning
 * service's circuit breaker, then streams the request to the service with Vert.x's HTTP proxy.
 * Everything the gateway refuses is a problem+json; what the services answer passes unchanged.
 */
@ApplicationScoped
public class Gateway {

  private static final Logger LOG = Logger.getLogger(Gateway.class);

  /** Encoded separators and dots, backslashes: ways to reach a path the router did not check. */
  private static final Pattern SUSPICIOUS_PATH =
      Pattern.compile("(?i).*(%2e|%2f|%5c|%00|\\\\|//|/\\.\\.?(/|$)).*");

  /** Where the web console is published; it does its own login (no bearer token here). */
  static final String CONSOLE = "/console";

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private final GatewayConfig config;
  private final IdentityProviderManager identities;
  private final long maxBody;
  private final RateLimiter rateLimiter;
  private final VerifiedTokens verified;
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();

  public Gateway(GatewayConfig config, IdentityProviderManager identities) {
    this.config = config;
    this.identities = identities;
    this.maxBody = config.maxBodySize().asLongValue();
    this.rateLimiter = new RateLimiter(config.rateLimit(), System::nanoTime);
    this.verified = new VerifiedTokens(config.verifiedTokens());
  }

  void routes(
      @Observes Router router,
      Vertx vertx,
      MergedOpenApi openApi,
      AsyncApiDocument asyncApi,
      RequestLimits limits) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    router.route().order(Integer.MIN_VALUE + 1).handler(limits::check);
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(2_000)
                .setKeepAlive(true)
                .setMaxInitialLineLength(8192),
            new PoolOptions().setHttp1MaxSize(100));
    Headers headers = new Headers(config.droppedHeaders(), config.droppedHeaderPrefixes());
    long timeout = config.upstreamTimeout().toMillis();
    for (Map.Entry<String, GatewayConfig.Route> e : config.routes().entrySet()) {
      GatewayConfig.Route route = e.getValue();
      URI upstream = route.upstream();
      CircuitBreaker breaker = breakerFor(upstream);
      HttpProxy proxy = proxyTo(client, upstream, timeout);
      long routeMaxBody = route.maxBodySize().map(m -> m.asLongValue()).orElse(maxBody);
      proxy.addInterceptor(
          new Forwarding(
              route.prefix(),
              headers,
              breaker,
              routeMaxBody,
              config.publicUrl().map(u -> u.replaceAll("/+$", "")).orElse("")));
      AccessRules rules = new AccessRules(route);
      String prefix = route.prefix();
      router
          .route(prefix)
          .handler(ctx -> forward(ctx, prefix, rules, breaker, proxy, routeMaxBody));
      router
          .route(prefix + "/*")
          .handler(ctx -> forward(ctx, prefix, rules, breaker, proxy, routeMaxBody));
      LOG.infof("Route %s -> %s", prefix, upstream);
    }
    config.console().ifPresent(console -> consoleRoute(router, client, headers, timeout, console));
    router.get("/openapi").handler(openApi::serve);
    router.get("/asyncapi").handler(asyncApi::serve);
    // Anything else, /q/* included, is not the gateway's: a problem, never a framework page.
    router.route().order(Integer.MAX_VALUE - 10).handler(Problems::sendNotFound);
  }

  /**
   * {@code /console} and below go to the web console unchanged. No token check: the console is a
   * web application with its own Keycloak login, and calls the API back through the gateway with
   * the user's token like any client. Suspicious paths, unknown methods and an open circuit are
   * still refused here.
   */
  private void consoleRoute(
      Router router, HttpClient client, Headers headers, long timeout, URI upstream) {
    CircuitBreaker breaker = breakerFor(upstream);
    HttpProxy proxy = proxyTo(client, upstream, timeout);
    proxy.addInterceptor(new ConsoleForwarding(headers, breaker));
    io.vertx.core.Handler<RoutingContext> handler =
        ctx -> {
          HttpServerRequest request = ctx.request();
          Headers.requestId(request);
          String path = request.path();
          JsonObject refusal = null;
          if (path == null || SUSPICIOUS_PATH.matcher(path).matches()) {
            refusal = Problems.badPath();
          } else if (path.equals(CONSOLE + "/q") || path.startsWith(CONSOLE + "/q/")) {
            // The console's health endpoints are for the platform, not the public.
            refusal = Problems.notFound();
          } else if (!METHODS.contains(request.method().name())) {
            refusal = Problems.methodNotAllowed();
          } else if (!breaker.tryAcquire()) {
            ctx.response().putHeader("Retry-After", String.valueOf(breaker.retryAfterSeconds()));
            refusal = Problems.upstreamUnavailable(CONSOLE);
          }
          if (refusal != null) {
            Problems.send(ctx, refusal);
            return;
          }
          proxy.handle(request);
        };
    router.route(CONSOLE).handler(handler);
    router.route(CONSOLE + "/*").handler(handler);
    LOG.infof("Route %s -> %s (web console, its own login)", CONSOLE, upstream);
  }

  /** One circuit breaker per upstream host and port, shared by the routes that go there. */
  private CircuitBreaker breakerFor(URI upstream) {
    return breakers.computeIfAbsent(
        upstream.getHost() + ":" + port(upstream),
        k -> new CircuitBreaker(config.circuitBreaker(), System::nanoTime));
  }

  /** A reverse proxy to {@code upstream} on the shared client, with the upstream timeout. */
  private static HttpProxy proxyTo(HttpClient client, URI upstream, long timeout) {
    SocketAddress origin = SocketAddress.inetSocketAddress(port(upstream), upstream.getHost());
    HttpProxy proxy = HttpProxy.reverseProxy(client);
    proxy.originRequestProvider(
        (req, c) -> c.request(new RequestOptions().setServer(origin).setIdleTimeout(timeout)));
    return proxy;
  }

  static int port(URI upstream) {
    int port = upstream.getPort();
    return port > 0 ? port : ("https".equals(upstream.getScheme()) ? 443 : 80);
  }

  private void forward(
      RoutingContext ctx,
      String prefix,
      AccessRules rules,
      CircuitBreaker breaker,
      HttpProxy proxy,
      long routeMaxBody) {
    HttpServerRequest request = ctx.request();
    Headers.requestId(request);
    String path = request.path();
    if (path == null || SUSPICIOUS_PATH.matcher(path).matches()) {
      Problems.send(ctx, Problems.badPath());
      return;
    }
    Route route = new Route(prefix, rules, breaker, proxy, routeMaxBody);
    if (!config.tokenChecks()) {
      pass(ctx, route, null);
      return;
    }
    String token = bearer(request);
    if (token == null) {
      unauthorized(ctx);
      return;
    }
    Caller known = verified.get(token, System.currentTimeMillis());
    if (known != null) {
      pass(ctx, route, known);
      return;
    }
    // First sight of this token: the OIDC layer verifies it against the cached keys.
    request.pause();
    Context context = Vertx.currentContext();
    identities
        .authenticate(
            HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new AccessTokenCredential(token)), ctx))
        .subscribe()
        .with(
            identity -> context.runOnContext(v -> verifiedNow(ctx, route, token, identity)),
            failure ->
                context.runOnContext(
                    v -> {
                      request.resume();
                      unauthorized(ctx);
                    }));
  }

  private void verifiedNow(
      RoutingContext ctx, Route route, String token, SecurityIdentity identity) {
    JsonWebToken jwt =
        identity == null || identity.isAnonymous()
            ? null
            : identity.getPrincipal() instanceof JsonWebToken j ? j : null;
    if (jwt == null || !acceptedAlgorithm(jwt.getRawToken())) {
      ctx.request().resume();
      unauthorized(ctx);
      return;
    }
    Object azp = jwt.getClaim("azp");
    Caller caller =
        new Caller(
            Set.copyOf(identity.getRoles()),
            azp == null ? "sub:" + jwt.getSubject() : azp.toString(),
            jwt.getExpirationTime() * 1000);
    verified.put(token, caller, System.currentTimeMillis());
    pass(ctx, route, caller);
  }

  /** The route's checks after authentication: rate limit, method, role, size, breaker. */
  private void pass(RoutingContext ctx, Route route, Caller caller) {
    HttpServerRequest request = ctx.request();
    String method = request.method().name();
    JsonObject refusal = null;
    if (caller != null) {
      long retryAfter = rateLimiter.acquire(caller.client());
      if (retryAfter > 0) {
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
        refusal = Problems.tooManyRequests(retryAfter);
      }
    }
    if (refusal == null && !METHODS.contains(method)) {
      refusal = Problems.methodNotAllowed();
    }
    if (refusal == null && caller != null) {
      Set<String> allowed =
          route.rules().allowed(method, request.path().substring(route.prefix().length()));
      if (allowed.stream().noneMatch(caller.roles()::contains)) {
        refusal = Problems.forbidden();
      }
    }
    String length = request.getHeader("Content-Length");
    if (refusal == null && length != null && tooLarge(length, route.maxBody())) {
      ctx.response().putHeader("Connection", "close");
      refusal = Problems.payloadTooLarge();
    }
    if (refusal == null && !route.breaker().tryAcquire()) {
      ctx.response().putHeader("Retry-After", String.valueOf(route.breaker().retryAfterSeconds()));
      refusal = Problems.upstreamUnavailable(route.prefix());
    }
    if (refusal != null) {
      request.resume();
      Problems.send(ctx, refusal);
      return;
    }
    route.proxy().handle(request);
  }

  private record Route(
      String prefix, AccessRules rules, CircuitBreaker breaker, HttpProxy proxy, long maxBody) {}

  private static String bearer(HttpServerRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  private static boolean tooLarge(String contentLength, long max) {
    try {
      return Long.parseLong(contentLength.trim()) > max;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** Only the configured signature algorithms; the OIDC layer has already verified the rest. */
  private boolean acceptedAlgorithm(String rawToken) {
    if (rawToken == null) {
      return false;
    }
    int dot = rawToken.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    try {
      String header =
          new String(
              Base64.getUrlDecoder().decode(rawToken.substring(0, dot)), StandardCharsets.UTF_8);
      return config.tokenAlgorithms().contains(new JsonObject(header).getString("alg"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void unauthorized(RoutingContext ctx) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    Problems.send(ctx, Problems.unauthorized());
  }

  private void failure(RoutingContext ctx) {
    Throwable f = ctx.failure();
    Headers.requestId(ctx.request());
    if (f instanceof AuthenticationFailedException || f instanceof UnauthorizedException) {
      unauthorized(ctx);
    } else if (ctx.statusCode() == 413) {
      Problems.send(ctx, Problems.payloadTooLarge());
    } else if (ctx.statusCode() == 404) {
      Problems.send(ctx, Problems.notFound());
    } else if (ctx.statusCode() == 405) {
      Problems.send(ctx, Problems.methodNotAllowed());
    } else if (f == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      Problems.send(
          ctx, Problems.problem("bad-request", "Bad request", ctx.statusCode(), "Bad request"));
    } else {
      String traceId = UUID.randomUUID().toString();
      LOG.errorf(f, "Gateway failure, trace id %s", traceId);
      Problems.send(ctx, Problems.internal(traceId));
    }
  }

  /** Maps a service's {@code Location} (its own host, no {@code /api}) to the public one. */
  static String publicLocation(String location, String publicBase) {
    URI uri;
    try {
      uri = URI.create(location);
    } catch (IllegalArgumentException e) {
      return location;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return publicBase + "/api" + path + query;
  }
}
