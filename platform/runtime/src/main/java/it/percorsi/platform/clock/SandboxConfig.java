package it.percorsi.platform.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Sandbox mode: off by default and in production; on for the local stack and the dev overlay. */
@ConfigMapping(prefix = "percorsi.sandbox")
public interface SandboxConfig {

  /** Whether the business clock may be moved (never switched by a request). */
  @WithDefault("false")
  boolean enabled();

  /** The services that must apply a move before it is acknowledged to the caller. */
  @WithDefault("participant-service,dote-service,plan-service,placement-service")
  List<String> services();

  /** Longest wait for every service to apply a move. */
  @WithDefault("60s")
  Duration timeout();
}
