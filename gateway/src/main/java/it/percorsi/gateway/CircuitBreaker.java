package it.percorsi.gateway;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for one upstream: after {@code failureThreshold} consecutive failures it opens
 * and the gateway answers 503 at once, without calling the upstream, for {@code openFor}; then one
 * trial request goes through, and its outcome closes the breaker or opens it again.
 */
final class CircuitBreaker {

  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final long openForNanos;
  private final LongSupplier nanoTime;
  private State state = State.CLOSED;
  private int failures;
  private long openedAt;

  CircuitBreaker(GatewayConfig.Breaker config, LongSupplier nanoTime) {
    this.threshold = config.failureThreshold();
    this.openForNanos = config.openFor().toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Whether a request may be sent now. Once open for long enough, one trial goes through (and
   * another if the trial has not answered within {@code openFor}).
   */
  synchronized boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    if (state != State.CLOSED && now - openedAt >= openForNanos) {
      state = State.HALF_OPEN;
      openedAt = now;
      return true;
    }
    return state == State.CLOSED;
  }

  /** Counts an upstream answer: a 502, 503 or 504 is a failure of the upstream, the rest not. */
  void onStatus(int status) {
    if (status == 502 || status == 503 || status == 504) {
      onFailure();
    } else {
      onSuccess();
    }
  }

  synchronized void onSuccess() {
    failures = 0;
    state = State.CLOSED;
  }

  synchronized void onFailure() {
    failures++;
    if (state == State.HALF_OPEN || failures >= threshold) {
      state = State.OPEN;
      openedAt = nanoTime.getAsLong();
    }
  }

  /** Whole seconds until a trial request will be let through. */
  synchronized long retryAfterSeconds() {
    long left = openForNanos - (nanoTime.getAsLong() - openedAt);
    return Math.max(1, (long) Math.ceil(left / (double) TimeUnit.SECONDS.toNanos(1)));
  }

  synchronized State state() {
    return state;
  }
}
