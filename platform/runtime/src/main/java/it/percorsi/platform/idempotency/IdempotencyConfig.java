package it.percorsi.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Knobs of Idempotency-Key handling. */
@ConfigMapping(prefix = "percorsi.idempotency")
public interface IdempotencyConfig {

  /** How long a key answers with its first result; after that the key may be used afresh. */
  @WithDefault("24h")
  Duration retention();

  /**
   * How long a request waits for a concurrent request with the same key to finish before it is
   * answered {@code 409 idempotency-key-busy} with {@code Retry-After}.
   */
  @WithName("wait")
  @WithDefault("5s")
  Duration waitFor();
}
