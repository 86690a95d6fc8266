package it.percorsi.gateway;

import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** On the management port too, an unknown path is a problem, never the framework's HTML page. */
@ApplicationScoped
public class ManagementFallback {

  void routes(@Observes ManagementInterface management) {
    management.router().route().order(Integer.MAX_VALUE - 10).handler(Problems::sendNotFound);
  }
}
