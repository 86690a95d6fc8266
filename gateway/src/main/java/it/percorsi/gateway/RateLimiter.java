package it.percorsi.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in the memory of one gateway replica: a client may send {@code burst}
 * requests at once and {@code perSecond} a second after that. Buckets that have filled up again are
 * forgotten when there are too many, since a full bucket and no bucket are the same.
 */
final class RateLimiter {

  private final double burst;
  private final double perNano;
  private final int maxClients;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(GatewayConfig.RateLimit config, LongSupplier nanoTime) {
    this.burst = config.burst();
    this.perNano = config.perSecond() / (double) TimeUnit.SECONDS.toNanos(1);
    this.maxClients = config.maxClients();
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one token from the client's bucket.
   *
   * @return 0 when the request may go, otherwise the whole seconds until a token is back
   */
  long acquire(String client) {
    long now = nanoTime.getAsLong();
    if (buckets.size() >= maxClients) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(client, c -> new Bucket(now)).take(now);
  }

  private final class Bucket {
    private double tokens = burst;
    private long updated;

    Bucket(long now) {
      this.updated = now;
    }

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double missingNanos = (1 - tokens) / perNano;
      return Math.max(1, (long) Math.ceil(missingNanos / TimeUnit.SECONDS.toNanos(1)));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + (now - updated) * perNano);
      updated = now;
    }
  }
}
