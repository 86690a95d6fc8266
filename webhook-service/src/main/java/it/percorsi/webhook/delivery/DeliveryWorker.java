package it.percorsi.webhook.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.percorsi.webhook.endpoint.Endpoint;
import it.percorsi.webhook.endpoint.EndpointLifecycle;
import it.percorsi.webhook.endpoint.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers what is due. A dispatcher thread claims endpoints with a due delivery (at most one
 * worker per endpoint, so a slow or dead endpoint holds one worker and delays nobody else) and
 * hands each to a worker, which delivers that endpoint's due deliveries one after another, in order
 * per aggregate. All state is in the database: after a restart the leases run out and the work is
 * taken up again (at least once).
 */
@ApplicationScoped
public class DeliveryWorker {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

  /** Deliveries one worker makes for an endpoint before giving others a turn. */
  private static final int BATCH = 50;

  private final Deliveries deliveries;
  private final Endpoints endpoints;
  private final EndpointLifecycle lifecycle;
  private final Sender sender;
  private final DeliveryConfig config;
  private final Semaphore wake = new Semaphore(0);
  private Semaphore slots;
  private ExecutorService workers;
  private Thread dispatcher;
  private volatile boolean running;

  public DeliveryWorker(
      Deliveries deliveries,
      Endpoints endpoints,
      EndpointLifecycle lifecycle,
      Sender sender,
      DeliveryConfig config) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.lifecycle = lifecycle;
    this.sender = sender;
    this.config = config;
  }

  void start(@Observes StartupEvent ignored) {
    slots = new Semaphore(config.workers());
    workers =
        Executors.newFixedThreadPool(
            config.workers(),
            r -> {
              Thread t = new Thread(r, "webhook-worker");
              t.setDaemon(true);
              return t;
            });
    running = true;
    dispatcher = new Thread(this::dispatch, "webhook-dispatcher");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  void stop(@Observes ShutdownEvent ignored) {
    running = false;
    wake.release();
    workers.shutdownNow();
  }

  /** Looks for due deliveries now (after new ones were committed). */
  public void wake() {
    wake.release();
  }

  private void dispatch() {
    while (running) {
      try {
        int free = slots.availablePermits();
        List<UUID> claimed =
            free == 0
                ? List.of()
                : QuarkusTransaction.requiringNew()
                    .call(() -> deliveries.claimEndpoints(free, Instant.now(), config.lease()));
        for (UUID endpoint : claimed) {
          slots.acquire();
          workers.execute(
              () -> {
                try {
                  work(endpoint);
                } finally {
                  slots.release();
                  wake.release();
                }
              });
        }
        wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          LOG.warnf("Webhook dispatch failed, trying again: %s", e.getMessage());
          sleep(config.pollInterval());
        }
      }
    }
  }

  /**
   * Delivers the endpoint's due deliveries, one at a time, then lets the endpoint go. The outcome
   * of one attempt and the claim of the next are one transaction.
   */
  void work(UUID endpoint) {
    Attempted attempted = null;
    try {
      for (int i = 0; i <= BATCH && running; i++) {
        Attempted previous = attempted;
        boolean more = i < BATCH;
        Next next =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      if (previous != null) {
                        settle(
                            previous.next().endpoint(), previous.next().due(), previous.result());
                      }
                      return more ? next(endpoint) : null;
                    });
        attempted = null;
        if (next == null) {
          break;
        }
        attempted =
            new Attempted(next, sender.send(next.endpoint().url(), next.secrets(), next.due()));
      }
    } catch (RuntimeException e) {
      LOG.warnf("Webhook delivery to endpoint %s failed: %s", endpoint, e.getMessage());
    } finally {
      Attempted last = attempted;
      try {
        QuarkusTransaction.requiringNew()
            .run(
                () -> {
                  if (last != null) {
                    settle(last.next().endpoint(), last.next().due(), last.result());
                  }
                  deliveries.releaseLease(endpoint);
                });
      } catch (RuntimeException e) {
        LOG.debugf("Lease of %s not released (it runs out): %s", endpoint, e.getMessage());
      }
    }
  }

  private record Next(Endpoint endpoint, Deliveries.Due due, List<String> secrets) {}

  private record Attempted(Next next, AttemptResult result) {}

  /** The endpoint's next due delivery, while it is still active; null when there is none. */
  private Next next(UUID endpointId) {
    Instant now = Instant.now();
    if (!deliveries.renewLease(endpointId, now.plus(config.lease()))) {
      return null; // paused, disabled or deleted meanwhile
    }
    Endpoint e = endpoints.find(endpointId).orElse(null);
    if (e == null) {
      return null;
    }
    return deliveries
        .nextDue(endpointId, now)
        .map(d -> new Next(e, d, endpoints.secrets(endpointId, now)))
        .orElse(null);
  }

  private void settle(Endpoint e, Deliveries.Due d, AttemptResult r) {
    Instant now = Instant.now();
    int attempt = d.attempts() + 1;
    deliveries.recordAttempt(d, attempt, now, r);
    if (r.succeeded()) {
      deliveries.delivered(d.id(), attempt, now);
      deliveries.succeeding(e.id());
      return;
    }
    if (r.gone()) {
      deliveries.givenUp(d.id(), attempt, now);
      lifecycle.disable(e, Endpoint.GONE, now, null);
      return;
    }
    List<Duration> schedule = config.retrySchedule();
    if (attempt > schedule.size()) {
      deliveries.givenUp(d.id(), attempt, now);
    } else {
      Duration pause =
          r.retryAfter() != null
              ? cap(r.retryAfter(), config.maxRetryAfter())
              : jitter(schedule.get(attempt - 1));
      deliveries.retryAt(d.id(), attempt, now.plus(pause));
    }
    Instant since = deliveries.failing(e.id(), now);
    if (since != null && Duration.between(since, now).compareTo(config.disableAfter()) > 0) {
      lifecycle.disable(e, Endpoint.FAILING, now, since);
    }
  }

  private Duration jitter(Duration base) {
    double j = config.jitter();
    if (j <= 0) {
      return base;
    }
    double factor = 1 - j + ThreadLocalRandom.current().nextDouble() * 2 * j;
    return Duration.ofMillis(Math.round(base.toMillis() * factor));
  }

  private static Duration cap(Duration d, Duration max) {
    return d.compareTo(max) > 0 ? max : d;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
