package it.percorsi.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem details written by the gateway itself. */
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
    String requestId = ctx.request().getHeader(Gateway.REQUEST_ID);
    if (requestId != null) {
      problem.put("requestId", requestId);
      ctx.response().putHeader(Gateway.REQUEST_ID, requestId);
    }
    ctx.response()
        .setStatusCode(problem.getInteger("status"))
        .putHeader("Content-Type", MEDIA_TYPE)
        .end(problem.encode());
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
}
