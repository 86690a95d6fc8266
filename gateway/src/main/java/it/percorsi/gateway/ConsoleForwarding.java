package it.percorsi.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The way to the web console and back: the path stays as it is ({@code /console/...}, the console's
 * root path), headers are cleaned as for the API (the gateway's own {@code X-Forwarded-Proto/Host}
 * tell the console its public URL for the login redirect), and a bearer token sent by a browser is
 * dropped: the console keeps its own login in its session cookie. The answers (pages, redirects to
 * Keycloak) pass unchanged.
 */
final class ConsoleForwarding implements ProxyInterceptor {

  private final Headers headers;
  private final CircuitBreaker breaker;

  ConsoleForwarding(Headers headers, CircuitBreaker breaker) {
    this.headers = headers;
    this.breaker = breaker;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
    var incoming = ctx.request().proxiedRequest();
    headers.clean(ctx.request().headers(), incoming);
    ctx.request().headers().remove("X-Forwarded-Prefix");
    ctx.request().headers().remove("Authorization");
    String requestId = incoming.getHeader(Headers.REQUEST_ID);
    return ctx.sendRequest()
        .map(
            response -> {
              breaker.onStatus(response.getStatusCode());
              response.headers().set(Headers.REQUEST_ID, requestId);
              return response;
            })
        .recover(
            err -> {
              breaker.onFailure();
              JsonObject problem = Problems.upstreamUnavailable(Gateway.CONSOLE);
              problem.put("requestId", requestId);
              return Future.succeededFuture(
                  ctx.request()
                      .response()
                      .setStatusCode(503)
                      .putHeader("Content-Type", Problems.MEDIA_TYPE)
                      .putHeader("Cache-Control", "no-store")
                      .putHeader("Retry-After", "5")
                      .putHeader(Headers.REQUEST_ID, requestId)
                      .setBody(Body.body(Buffer.buffer(problem.encode()))));
            });
  }
}
