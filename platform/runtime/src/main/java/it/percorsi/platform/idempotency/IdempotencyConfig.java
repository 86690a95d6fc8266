package it.percorsi.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Knobs of Idempotency-Key handling. */
@ConfigMapping(prefix = "percorsi.idempotency")
public interface IdempotencyConfig {

  /** How long a key answers with its first result; after that the key may be used afresh. */
  @WithDefault("24h")
  Duration retention();
}
