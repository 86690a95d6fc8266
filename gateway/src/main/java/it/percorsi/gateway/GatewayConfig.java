package it.percorsi.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Routes and limits of the gateway, from configuration. */
@ConfigMapping(prefix = "percorsi.gateway")
public interface GatewayConfig {

  /** Public routes by name. */
  Map<String, Route> routes();

  /** Longest wait for an upstream answer before a 504. */
  @WithDefault("10s")
  Duration upstreamTimeout();

  /** Incoming headers that could impersonate an identity; dropped before forwarding. */
  @WithDefault(
      "x-forwarded-user,x-remote-user,x-user,x-user-id,x-org-id,x-roles,x-auth-request-user,"
          + "x-auth-request-email,x-percorsi-caller,x-percorsi-org")
  List<String> droppedHeaders();

  /** One public path prefix and the service that owns it. */
  interface Route {
    /** Public prefix, e.g. {@code /api/participants}; {@code /api} is stripped upstream. */
    String prefix();

    /** Base URL of the owning service. */
    URI upstream();

    /** Roles allowed to GET/HEAD. */
    List<String> readRoles();

    /** Roles allowed to POST/PUT/PATCH/DELETE. */
    List<String> writeRoles();
  }
}
