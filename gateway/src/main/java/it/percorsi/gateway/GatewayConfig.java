package it.percorsi.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Routes, access rules and limits of the gateway, from configuration. */
@ConfigMapping(prefix = "percorsi.gateway")
public interface GatewayConfig {

  /** Public routes by name. */
  Map<String, Route> routes();

  /**
   * Whether the gateway itself checks tokens and role rules. Only a benchmark turns this off, to
   * measure what the checks cost; the services behind verify every token regardless.
   */
  @WithDefault("true")
  boolean tokenChecks();

  /** Token algorithms accepted; anything else (none, HS*, PS*) is a 401. */
  @WithDefault("RS256,ES256")
  Set<String> tokenAlgorithms();

  /**
   * The public base URL (scheme, host, port) of the API, e.g. {@code https://api.percorsi.example};
   * {@code Location} headers are built from it, never from the request's {@code Host}. Unset, they
   * are relative ({@code /api/...}).
   */
  java.util.Optional<String> publicUrl();

  /** Largest request body; larger ones get a 413 (with or without Content-Length). */
  @WithDefault("1M")
  io.quarkus.runtime.configuration.MemorySize maxBodySize();

  /**
   * Longest request line (method, target, version); a longer one gets a 414 problem. The services'
   * decoders take 4 KiB (Quarkus' default), so the gateway never forwards more.
   */
  @WithDefault("4K")
  io.quarkus.runtime.configuration.MemorySize maxRequestLine();

  /** Largest request headers in total; larger ones get a 431 problem. */
  @WithDefault("16K")
  io.quarkus.runtime.configuration.MemorySize maxHeaderSize();

  /** Verified tokens remembered until they expire, so each signature is checked once. */
  @WithDefault("10000")
  int verifiedTokens();

  /** Longest wait for an upstream answer before a 504. */
  @WithDefault("10s")
  Duration upstreamTimeout();

  /** Incoming headers that could impersonate an identity or a hop; dropped before forwarding. */
  @WithDefault(
      "x-forwarded-user,x-remote-user,x-user,x-user-id,x-org-id,x-roles,x-auth-request-user,"
          + "x-auth-request-email,x-auth-request-groups,x-authenticated-userid,x-consumer-id,"
          + "x-consumer-username,x-client-id,x-client-cert,x-ssl-client-cert,x-real-ip,"
          + "x-original-url,x-rewrite-url,x-original-uri,x-http-method-override,"
          + "x-http-method,x-method-override,forwarded,proxy-authorization")
  List<String> droppedHeaders();

  /** Incoming header prefixes dropped before forwarding (the gateway sets its own). */
  @WithDefault("x-forwarded-,x-percorsi-,x-envoy-,x-amzn-")
  List<String> droppedHeaderPrefixes();

  RateLimit rateLimit();

  /**
   * Base URL of the web console, published at {@code /console} without the gateway's token check
   * (the console logs its users in itself); unset: no console route.
   */
  Optional<URI> console();

  Breaker circuitBreaker();

  OpenApi openapi();

  /** One public path prefix, the service that owns it and who may call it. */
  interface Route {
    /** Public prefix, e.g. {@code /api/participants}; {@code /api} is stripped upstream. */
    String prefix();

    /** Base URL of the owning service. */
    URI upstream();

    /** Roles allowed to GET/HEAD unless a rule says otherwise. */
    List<String> readRoles();

    /** Roles allowed to POST/PUT/PATCH/DELETE unless a rule says otherwise; empty: read-only. */
    Optional<List<String>> writeRoles();

    /** Finer rules, first match wins, before the read/write defaults. */
    List<Rule> rules();

    /**
     * Largest request body on this route, when it takes uploads larger than the gateway's {@link
     * GatewayConfig#maxBodySize()} (e.g. zips of UNILAV notices); unset: the gateway's.
     */
    Optional<io.quarkus.runtime.configuration.MemorySize> maxBodySize();
  }

  /**
   * A rule for some methods on a path below the route's prefix. {@code path} is relative to the
   * prefix, segments separated by {@code /}; {@code *} matches one segment, {@code **} the rest.
   */
  interface Rule {
    Set<String> methods();

    String path();

    List<String> roles();
  }

  /** A token bucket per client ({@code azp}), per gateway replica. */
  interface RateLimit {
    /** Requests a client may send at once. */
    @WithDefault("200")
    int burst();

    /** Tokens added to a client's bucket each second. */
    @WithDefault("100")
    int perSecond();

    /** Buckets kept at most; the least recently used beyond this are forgotten. */
    @WithDefault("10000")
    int maxClients();
  }

  /** A circuit breaker per upstream. */
  interface Breaker {
    /** Consecutive failures (no connection, timeout, 502/503/504) that open it. */
    @WithDefault("5")
    int failureThreshold();

    /** How long it stays open before letting one trial request through. */
    @WithDefault("10s")
    Duration openFor();
  }

  /** The merged OpenAPI document. */
  interface OpenApi {
    /** How often the services' documents are fetched again. */
    @WithDefault("60s")
    Duration refresh();

    @WithDefault("Percorsi API")
    String title();

    @WithDefault("0.1.0")
    String version();

    /** The servers the document lists, in order (local, sandbox, production). */
    List<Server> servers();

    /**
     * Public URL of the realm partners get tokens from (the OAuth2 flows' token and authorization
     * URLs are below it); inside a cluster the gateway itself reaches Keycloak by another URL.
     */
    URI authUrl();

    /** One entry of the document's {@code servers}. */
    interface Server {
      URI url();

      String description();
    }
  }
}
