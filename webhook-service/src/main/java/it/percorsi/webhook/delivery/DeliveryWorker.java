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
import java.util.ArrayList;
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

  /** Rounds one worker makes for an endpoint before giving others a turn. */
  private static final int ROUNDS = 10;

  /** Deliveries fetched for one round (one transaction) at most. */
  private static final int ROUND_SIZE = 25;

  /** A round sends no further delivery once it has taken this long. */
  private static final Duration ROUND_TIME = Duration.ofSeconds(2);

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
   * Delivers the endpoint's due deliveries, one at a time, then lets the endpoint go. Each round is
   * one transaction: the outcomes of the previous round's attempts, the lease renewed, and the next
   * due deliveries (at most one per aggregate, the first pending of each, so the round may send
   * them one after another without breaking the order of any aggregate). When nothing is due the
   * same transaction lets the endpoint go.
   */
  void work(UUID endpoint) {
    List<Attempted> attempted = List.of();
    boolean released = false;
    try {
      for (int round = 0; round < ROUNDS && running; round++) {
        List<Attempted> previous = attempted;
        boolean last = round == ROUNDS - 1;
        Round next =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      settleAll(previous);
                      Round r = last ? null : next(endpoint);
                      if (r == null) {
                        deliveries.releaseLease(endpoint, Instant.now());
                      }
                      return r;
                    });
        attempted = List.of();
        if (next == null) {
          released = true;
          break;
        }
        attempted = send(next);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Webhook delivery to endpoint %s failed: %s", endpoint, e.getMessage());
    } finally {
      if (!released) {
        List<Attempted> unsettled = attempted;
        try {
          QuarkusTransaction.requiringNew()
              .run(
                  () -> {
                    settleAll(unsettled);
                    deliveries.releaseLease(endpoint, Instant.now());
                  });
        } catch (RuntimeException e) {
          LOG.debugf("Lease of %s not released (it runs out): %s", endpoint, e.getMessage());
        }
      }
    }
  }

  /**
   * Sends a round's deliveries one after another, until one of them ends the endpoint (410) or the
   * round has taken its time: what is left stays pending for the next round, so the lease is
   * renewed at least every {@link #ROUND_TIME} plus one attempt's timeout.
   */
  private List<Attempted> send(Round round) {
    List<Attempted> out = new ArrayList<>(round.due().size());
    long start = System.nanoTime();
    for (Deliveries.Due d : round.due()) {
      if (!running || (!out.isEmpty() && System.nanoTime() - start > ROUND_TIME.toNanos())) {
        break;
      }
      AttemptResult r = sender.send(round.endpoint().url(), round.secrets(), d);
      out.add(new Attempted(round.endpoint(), d, r, Instant.now()));
      if (r.gone()) {
        break;
      }
    }
    return out;
  }

  /**
   * Records a round's outcomes: every attempt and every delivered delivery in one batch each (one
   * round trip however long the round), the rest (retries, give-ups, a 410) one by one, in the
   * order they happened (the endpoint's failing-since clock follows the last success).
   */
  private void settleAll(List<Attempted> attempted) {
    if (attempted.isEmpty()) {
      return;
    }
    deliveries.recordAttempts(
        attempted.stream()
            .map(a -> new Deliveries.Outcome(a.due(), a.due().attempts() + 1, a.at(), a.result()))
            .toList());
    List<Attempted> delivered = new ArrayList<>();
    for (Attempted a : attempted) {
      if (a.result().succeeded()) {
        delivered.add(a);
        continue;
      }
      settleDelivered(delivered);
      delivered.clear();
      settleFailure(a.endpoint(), a.due(), a.result(), a.at());
    }
    settleDelivered(delivered);
  }

  private void settleDelivered(List<Attempted> delivered) {
    if (delivered.isEmpty()) {
      return;
    }
    deliveries.deliveredAll(
        delivered.stream()
            .map(a -> new Deliveries.Outcome(a.due(), a.due().attempts() + 1, a.at(), a.result()))
            .toList());
    deliveries.succeeding(delivered.get(0).endpoint().id());
  }

  private record Round(Endpoint endpoint, List<Deliveries.Due> due, List<String> secrets) {}

  /** An attempt made, with when its outcome was known, to be settled in the next transaction. */
  private record Attempted(
      Endpoint endpoint, Deliveries.Due due, AttemptResult result, Instant at) {}

  /** The endpoint's next due deliveries, while it is still active; null when there is none. */
  private Round next(UUID endpointId) {
    Instant now = Instant.now();
    if (!deliveries.renewLease(endpointId, now.plus(config.lease()))) {
      return null; // paused, disabled or deleted meanwhile
    }
    List<Deliveries.Due> due = deliveries.nextDue(endpointId, now, ROUND_SIZE);
    if (due.isEmpty()) {
      return null;
    }
    Endpoint e = endpoints.find(endpointId).orElse(null);
    if (e == null) {
      return null;
    }
    return new Round(e, due, endpoints.secrets(endpointId, now));
  }

  /** A failed or blocked attempt (already recorded): retried later, given up, or the end (410). */
  private void settleFailure(Endpoint e, Deliveries.Due d, AttemptResult r, Instant now) {
    int attempt = d.attempts() + 1;
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
