package it.percorsi.webhook.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How webhooks are delivered ({@code percorsi.webhooks.*}). */
@ConfigMapping(prefix = "percorsi.webhooks")
public interface DeliveryConfig {

  /** The pause before each retry; after the last one the delivery is given up. */
  @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,24h")
  List<Duration> retrySchedule();

  /** Share of each pause drawn at random either side (0.2: 80 % to 120 %). */
  @WithDefault("0.2")
  double jitter();

  /** The longest Retry-After (429, 503) honoured; a longer one waits this long. */
  @WithDefault("24h")
  Duration maxRetryAfter();

  /** An endpoint failing without a success for this long is disabled. */
  @WithDefault("5d")
  Duration disableAfter();

  /** Connection and answer timeout of one attempt. */
  @WithDefault("15s")
  Duration timeout();

  /** Bytes of an answer read at most (the rest is dropped). */
  @WithDefault("4096")
  int maxResponseBytes();

  /**
   * Attempts in flight at once, over all endpoints (one per endpoint at a time): a slow endpoint
   * holds one of them while it answers.
   */
  @WithDefault("32")
  int workers();

  /** How often the dispatcher looks for due deliveries when nothing woke it. */
  @WithDefault("1s")
  Duration pollInterval();

  /** How long a worker holds an endpoint before another may take it over (a crashed worker). */
  @WithDefault("60s")
  Duration lease();

  /** How long the previous secret stays valid after a rotation. */
  @WithDefault("24h")
  Duration rotationGrace();

  /**
   * The key signing secrets are sealed with at rest (AES-256-GCM): 32 bytes in base64. Without one
   * they are stored unencrypted (local runs; a warning at start-up).
   */
  java.util.Optional<String> secretsKey();

  /** Attempts, delivered deliveries and events are kept this long. */
  @WithDefault("30d")
  Duration retention();
}
