package it.percorsi.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Problem details for failures that happen before a request reaches a resource (authentication on
 * the HTTP layer, body too large, routing), so that no error ever leaves as an empty body or a
 * stack trace.
 */
@ApplicationScoped
public class ProblemFailureHandler {

  private static final Logger LOG = Logger.getLogger(ProblemFailureHandler.class);

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
  }

  void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    Throwable failure = ctx.failure();
    Problem problem;
    if (failure instanceof AuthenticationFailedException
        || failure instanceof UnauthorizedException) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      problem = Problem.unauthorized();
    } else if (failure instanceof ForbiddenException) {
      problem = Problem.forbidden();
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      problem = clientError(ctx.statusCode());
    } else if (failure != null && failure.getClass().getName().endsWith("RequestTooLargeException")
        || ctx.statusCode() == 413) {
      problem = clientError(413);
    } else {
      String traceId = UUID.randomUUID().toString();
      LOG.errorf(failure, "Unexpected error, trace id %s", traceId);
      problem = Problem.internal(traceId);
    }
    ctx.response()
        .setStatusCode(problem.getStatus())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(Json.encode(problem));
  }

  static Problem clientError(int status) {
    return switch (status) {
      case 401 -> Problem.unauthorized();
      case 403 -> Problem.forbidden();
      case 404 -> Problem.of("not-found", "Not found", 404, "No such resource");
      case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, "Method not allowed");
      case 413 ->
          Problem.of(
              "payload-too-large", "Payload too large", 413, "The request body is too large");
      default -> Problem.of("bad-request", "Bad request", status, "The request was not understood");
    };
  }
}
