package it.percorsi.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * What happens on the way to a service and back: the path loses {@code /api}, headers are cleaned,
 * a body of unknown length is counted; the answer gets the request id and a public {@code
 * Location}; a failure to get one becomes a 504 or 503 problem and counts against the upstream's
 * circuit breaker. Bodies stream through untouched both ways.
 */
final class Forwarding implements ProxyInterceptor {

  private static final String BODY_TOO_LARGE = "percorsi.body-too-large";

  private final String prefix;
  private final Headers headers;
  private final CircuitBreaker breaker;
  private final long maxBody;

  Forwarding(String prefix, Headers headers, CircuitBreaker breaker, long maxBody) {
    this.prefix = prefix;
    this.headers = headers;
    this.breaker = breaker;
    this.maxBody = maxBody;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
    ProxyRequest request = ctx.request();
    var incoming = request.proxiedRequest();
    String uri = request.getURI();
    request.setURI(uri.substring("/api".length()));
    headers.clean(request.headers(), incoming);
    Body body = request.getBody();
    if (body != null && body.length() < 0) {
      LimitedBody limited = new LimitedBody(body.stream(), maxBody);
      limited.exceptionHandler(
          e -> {
            if (e instanceof LimitedBody.TooLarge) {
              ctx.set(BODY_TOO_LARGE, Boolean.TRUE);
            }
          });
      request.setBody(Body.body(limited, -1));
    }
    String requestId = incoming.getHeader(Headers.REQUEST_ID);
    String publicBase = Gateway.publicBase(incoming);
    return ctx.sendRequest()
        .map(
            response -> {
              int status = response.getStatusCode();
              if (status == 502 || status == 503 || status == 504) {
                breaker.onFailure();
              } else {
                breaker.onSuccess();
              }
              response.headers().set(Headers.REQUEST_ID, requestId);
              String location = response.headers().get("Location");
              if (location != null) {
                response.headers().set("Location", Gateway.publicLocation(location, publicBase));
              }
              return response;
            })
        .recover(err -> Future.succeededFuture(failed(ctx, err, requestId)));
  }

  private ProxyResponse failed(ProxyContext ctx, Throwable err, String requestId) {
    JsonObject problem;
    if (Boolean.TRUE.equals(ctx.get(BODY_TOO_LARGE, Boolean.class))) {
      problem = Problems.payloadTooLarge();
    } else if (timedOut(err)) {
      breaker.onFailure();
      problem = Problems.upstreamTimeout(prefix);
    } else {
      breaker.onFailure();
      problem = Problems.upstreamUnavailable(prefix);
    }
    problem.put("requestId", requestId);
    ProxyResponse response =
        ctx.request()
            .response()
            .setStatusCode(problem.getInteger("status"))
            .putHeader("Content-Type", Problems.MEDIA_TYPE)
            .putHeader("Cache-Control", "no-store")
            .putHeader(Headers.REQUEST_ID, requestId)
            .setBody(Body.body(Buffer.buffer(problem.encode())));
    if (problem.getInteger("status") == 503) {
      response.putHeader("Retry-After", "5");
    } else if (problem.getInteger("status") == 413) {
      response.putHeader("Connection", "close");
    }
    return response;
  }

  private static boolean timedOut(Throwable err) {
    return err instanceof TimeoutException
        || String.valueOf(err.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
  }
}
