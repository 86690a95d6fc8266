package it.percorsi.platform.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * An answer sent before the request's body was read to its end (a body refused part-way, such as
 * JSON nested past Jackson's limit) carries {@code Connection: close}: the server drops that
 * connection after answering, and a client that pools connections — the gateway — must not send the
 * next caller's request down it, where it would be lost and answered 503.
 */
@ApplicationScoped
public class UnreadBodyClosesConnection {

  void register(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .handler(
            ctx -> {
              ctx.addHeadersEndHandler(
                  v -> {
                    if (!ctx.request().isEnded()) {
                      ctx.response().putHeader("Connection", "close");
                    }
                  });
              ctx.next();
            });
  }
}
