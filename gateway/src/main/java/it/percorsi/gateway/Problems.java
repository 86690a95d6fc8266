package it.percorsi.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem details written by the gateway itself; never a stack trace. */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String BASE = "https://percorsi.it/problems/";

  private Problems() {}

  static JsonObject problem(String kind, String title, int status, String detail) {
    return new JsonObject()
        .put("type", BASE + kind)
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
  }

  static void send(RoutingContext ctx, JsonObject problem) {
    if (ctx.response().headWritten()) {
      ctx.response().close();
      return;
    }
    String requestId = ctx.request().getHeader(Headers.REQUEST_ID);
    if (requestId != null) {
      problem.put("requestId", requestId);
      ctx.response().putHeader(Headers.REQUEST_ID, requestId);
    }
    ctx.response()
        .setStatusCode(problem.getInteger("status"))
        .putHeader("Content-Type", MEDIA_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(problem.encode());
  }

  /** Answers 404 as a problem: what every path the gateway does not serve gets. */
  static void sendNotFound(RoutingContext ctx) {
    Headers.requestId(ctx.request());
    send(ctx, notFound());
  }

  static JsonObject unauthorized() {
    return problem(
        "unauthorized",
        "Authentication required",
        401,
        "A valid bearer token from the percorsi realm is required");
  }

  static JsonObject forbidden() {
    return problem("forbidden", "Forbidden", 403, "Your role does not allow this operation");
  }

  static JsonObject notFound() {
    return problem("not-found", "Not found", 404, "No such resource");
  }

  static JsonObject badPath() {
    return problem(
        "bad-request",
        "Bad request",
        400,
        "The path must not contain dot segments, empty segments or encoded separators");
  }

  static JsonObject methodNotAllowed() {
    return problem("method-not-allowed", "Method not allowed", 405, "Method not allowed");
  }

  static JsonObject payloadTooLarge() {
    return problem("payload-too-large", "Payload too large", 413, "The request body is too large");
  }

  static JsonObject tooManyRequests(long retryAfterSeconds) {
    return problem(
        "rate-limited",
        "Too many requests",
        429,
        "This client sent too many requests; retry after " + retryAfterSeconds + " s");
  }

  static JsonObject upstreamTimeout(String prefix) {
    return problem(
        "upstream-timeout",
        "Upstream timeout",
        504,
        "The service behind " + prefix + " did not answer in time");
  }

  static JsonObject upstreamUnavailable(String prefix) {
    return problem(
        "upstream-unavailable",
        "Service unavailable",
        503,
        "The service behind " + prefix + " is unavailable");
  }

  static JsonObject internal(String traceId) {
    return problem(
            "internal",
            "Internal error",
            500,
            "Something went wrong on our side; quote the trace id when reporting it")
        .put("traceId", traceId);
  }
}
