package it.percorsi.webhook.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Drops attempts, finished deliveries and events older than the retention (30 days), hourly. */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);

  private final Deliveries deliveries;
  private final DeliveryConfig config;

  public Retention(Deliveries deliveries, DeliveryConfig config) {
    this.deliveries = deliveries;
    this.config = config;
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    int n =
        QuarkusTransaction.requiringNew()
            .call(() -> deliveries.purge(Instant.now().minus(config.retention())));
    if (n > 0) {
      LOG.infof("Dropped %d webhook rows older than %s", n, config.retention());
    }
  }
}
