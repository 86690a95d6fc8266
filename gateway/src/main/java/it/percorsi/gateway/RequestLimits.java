package it.percorsi.gateway;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The request line and header limits, answered as problem details.
 *
 * <p>Vert.x answers a request line or headers past its decoder's limits with an empty 414 or 431
 * that no handler sees (Quarkus exposes no hook for it). So the decoder's limits are set well above
 * the gateway's own ({@code quarkus.http.limits.*} in application.properties) and this handler,
 * first on every route, refuses what is past the gateway's limits with a problem: only requests
 * past the decoder's larger limits still get the bare answer. HTTP/2 over cleartext ({@code h2c}
 * upgrades) is refused, and so is every other {@code Upgrade} (WebSocket): the gateway speaks
 * HTTP/1.1 behind the ingress, which terminates TLS. A cross-origin request from an origin not in
 * {@code quarkus.http.cors.origins} is refused here, as a problem, before Quarkus' CORS filter
 * would answer it with an empty 403.
 */
@ApplicationScoped
public class RequestLimits implements HttpServerOptionsCustomizer {

  private final int maxRequestLine;
  private final int maxHeaders;
  private final Set<String> origins;

  public RequestLimits(GatewayConfig config) {
    this.maxRequestLine = (int) config.maxRequestLine().asLongValue();
    this.maxHeaders = (int) config.maxHeaderSize().asLongValue();
    this.origins =
        Set.copyOf(
            ConfigProvider.getConfig()
                .getOptionalValues("quarkus.http.cors.origins", String.class)
                .orElse(List.of()));
  }

  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    options.setHttp2ClearTextEnabled(false);
  }

  /** Passes the request on, or answers 414 or 431. */
  void check(RoutingContext ctx) {
    var request = ctx.request();
    // METHOD SP target SP HTTP/1.1
    int line = request.method().name().length() + request.uri().length() + 10;
    if (line > maxRequestLine) {
      Headers.requestId(request);
      ctx.response().putHeader("Connection", "close");
      Problems.send(
          ctx,
          Problems.problem(
              "uri-too-long",
              "URI too long",
              414,
              "The request line is longer than " + maxRequestLine + " bytes"));
      return;
    }
    if (headerBytes(request.headers()) > maxHeaders) {
      ctx.response().putHeader("Connection", "close");
      Problems.send(
          ctx,
          Problems.problem(
              "header-fields-too-large",
              "Request header fields too large",
              431,
              "The request headers are larger than " + maxHeaders + " bytes"));
      return;
    }
    if (request.headers().contains("Upgrade")) {
      // The gateway never switches protocols (no WebSocket, no h2c): the request is answered as
      // the plain HTTP/1.1 request it also is, and nothing upstream sees an upgrade either.
      request.headers().remove("Upgrade");
      request.headers().remove("HTTP2-Settings");
      request.headers().remove("Sec-WebSocket-Key");
      request.headers().remove("Sec-WebSocket-Version");
      request.headers().remove("Sec-WebSocket-Extensions");
      request.headers().remove("Sec-WebSocket-Protocol");
      request.headers().remove("Connection");
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !origins.contains(origin) && !sameOrigin(origin, request)) {
      // Quarkus' CORS filter would answer an empty 403: the same refusal, as a problem.
      Headers.requestId(request);
      Problems.send(
          ctx,
          Problems.problem(
              "origin-not-allowed",
              "Origin not allowed",
              403,
              "Requests from this origin are not allowed"));
      return;
    }
    ctx.next();
  }

  private static boolean sameOrigin(String origin, io.vertx.core.http.HttpServerRequest request) {
    String host = request.getHeader("Host");
    return host != null && origin.equals(request.scheme() + "://" + host);
  }

  private static long headerBytes(MultiMap headers) {
    long total = 0;
    for (Map.Entry<String, String> h : headers) {
      total += h.getKey().length() + h.getValue().length() + 4;
    }
    return total;
  }
}
