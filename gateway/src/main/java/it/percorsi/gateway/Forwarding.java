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

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(Forwarding.class);

  private static final String LIMITED_BODY = "percorsi.limited-body";

  private final String prefix;
  private final Headers headers;
  private final CircuitBreaker breaker;
  private final long maxBody;
  private final String publicBase;

  Forwarding(
      String prefix, Headers headers, CircuitBreaker breaker, long maxBody, String publicBase) {
    this.prefix = prefix;
    this.headers = headers;
    this.breaker = breaker;
    this.maxBody = maxBody;
    this.publicBase = publicBase;
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
      // The proxy installs its own exception handler on the stream, so the body remembers itself
      // that it was too large; the answer is then a 413, whatever the upstream made of the cut.
      LimitedBody limited = new LimitedBody(body.stream(), maxBody);
      ctx.set(LIMITED_BODY, limited);
      request.setBody(Body.body(limited, -1));
    }
    String requestId = incoming.getHeader(Headers.REQUEST_ID);
    return ctx.sendRequest()
        .map(
            response -> {
              if (tooLarge(ctx)) {
                return failed(ctx, null, requestId);
              }
              breaker.onStatus(response.getStatusCode());
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
    if (tooLarge(ctx)) {
      // The caller's oversized body: never counted against the upstream's circuit breaker.
      problem = Problems.payloadTooLarge();
    } else if (timedOut(err)) {
      breaker.onFailure();
      problem = Problems.upstreamTimeout(prefix);
    } else {
      breaker.onFailure();
      problem = Problems.upstreamUnavailable(prefix);
    }
    if (err != null) {
      // What went wrong on the way, for the operator: the route and the error, no request data.
      LOG.warnf(
          "Upstream of %s failed (request id %s): %s: %s",
          prefix, requestId, err.getClass().getSimpleName(), err.getMessage());
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

  private static boolean tooLarge(ProxyContext ctx) {
    LimitedBody limited = ctx.get(LIMITED_BODY, LimitedBody.class);
    return limited != null && limited.exceeded();
  }

  private static boolean timedOut(Throwable err) {
    return err instanceof TimeoutException
        || String.valueOf(err.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
  }
}
