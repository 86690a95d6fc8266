package it.percorsi.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Knobs of the outbox relay. */
@ConfigMapping(prefix = "percorsi.outbox")
public interface OutboxConfig {

  /** CloudEvents {@code source} of every event this service publishes. */
  @WithDefault("/percorsi/unknown")
  String source();

  /** Whether this instance runs a relay (one per database publishes at a time anyway). */
  @WithDefault("true")
  boolean relayEnabled();

  /** Fallback polling interval when no commit wakes the relay. */
  @WithDefault("1s")
  Duration pollInterval();

  /** Rows published per round trip. */
  @WithDefault("500")
  int batchSize();

  /** Longest wait between attempts while Kafka is unreachable. */
  @WithDefault("5s")
  Duration maxBackoff();

  /** How long Kafka may take to acknowledge a batch before the relay retries it. */
  @WithDefault("10s")
  Duration sendTimeout();

  /** Published rows older than this are deleted. */
  @WithDefault("7d")
  Duration retention();
}
