package it.percorsi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The gateway's small pieces on their own: role rules, token buckets, the circuit breaker. */
class GatewayRulesTest {

  private final AtomicLong now = new AtomicLong();

  private static GatewayConfig.Rule rule(Set<String> methods, String path, List<String> roles) {
    return new GatewayConfig.Rule() {
      public Set<String> methods() {
        return methods;
      }

      public String path() {
        return path;
      }

      public List<String> roles() {
        return roles;
      }
    };
  }

  private static GatewayConfig.Route route(List<GatewayConfig.Rule> rules) {
    return new GatewayConfig.Route() {
      public String prefix() {
        return "/api/internships";
      }

      public java.net.URI upstream() {
        return java.net.URI.create("http://127.0.0.1:1");
      }

      public List<String> readRoles() {
        return List.of("promoter", "host");
      }

      public Optional<List<String>> writeRoles() {
        return Optional.of(List.of("promoter"));
      }

      public List<GatewayConfig.Rule> rules() {
        return rules;
      }

      public Optional<io.quarkus.runtime.configuration.MemorySize> maxBodySize() {
        return Optional.empty();
      }
    };
  }

  @Test
  void theFirstMatchingRuleWinsThenReadAndWriteDefaults() {
    AccessRules rules =
        new AccessRules(
            route(
                List.of(
                    rule(Set.of("POST"), "/*/attendance/**", List.of("host")),
                    rule(Set.of("post"), "/*", List.of("agency-admin")))));
    assertEquals(Set.of("host"), rules.allowed("POST", "/7/attendance/2026-03"));
    assertEquals(Set.of("host"), rules.allowed("POST", "/7/attendance"));
    assertEquals(Set.of("agency-admin"), rules.allowed("POST", "/7"));
    assertEquals(Set.of("promoter"), rules.allowed("POST", ""));
    assertEquals(Set.of("promoter"), rules.allowed("DELETE", "/7/x"));
    assertEquals(Set.of("promoter", "host"), rules.allowed("GET", "/7/attendance/1"));
    assertEquals(Set.of(), rules.allowed("TRACE", "/7"));
  }

  @Test
  void aTrailingSlashOrAMatrixParameterDoesNotSlipPastARule() {
    AccessRules rules =
        new AccessRules(
            route(List.of(rule(Set.of("POST"), "/*/erasure", List.of("agency-admin")))));
    Set<String> agency = Set.of("agency-admin");
    assertEquals(agency, rules.allowed("POST", "/7/erasure"));
    assertEquals(agency, rules.allowed("POST", "/7/erasure/"));
    assertEquals(agency, rules.allowed("POST", "/7/erasure//"));
    assertEquals(agency, rules.allowed("POST", "/7/erasure;x=1"));
    assertEquals(agency, rules.allowed("POST", "/7;v=2/erasure;"));
    assertEquals(Set.of("promoter"), rules.allowed("POST", "/7/erasures"));
  }

  @Test
  void aBucketAllowsTheBurstThenRefillsAtTheRate() {
    RateLimiter limiter = new RateLimiter(limit(3, 2), now::get);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.acquire("a"));
    }
    assertEquals(1, limiter.acquire("a"));
    assertEquals(0, limiter.acquire("b"), "another client has its own bucket");
    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertEquals(0, limiter.acquire("a"));
    assertTrue(limiter.acquire("a") > 0);
  }

  @Test
  void theBreakerOpensAfterTheThresholdAndLetsOneTrialThroughLater() {
    CircuitBreaker breaker = new CircuitBreaker(breaker(2, Duration.ofSeconds(10)), now::get);
    breaker.onFailure();
    assertTrue(breaker.tryAcquire());
    breaker.onFailure();
    assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    assertTrue(!breaker.tryAcquire());
    assertEquals(10, breaker.retryAfterSeconds());
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertTrue(breaker.tryAcquire(), "trial");
    assertTrue(!breaker.tryAcquire(), "only one trial");
    breaker.onSuccess();
    assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    assertTrue(breaker.tryAcquire());
  }

  @Test
  void aFailedTrialOpensTheBreakerAgain() {
    CircuitBreaker breaker = new CircuitBreaker(breaker(1, Duration.ofSeconds(5)), now::get);
    breaker.onFailure();
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertTrue(breaker.tryAcquire());
    breaker.onFailure();
    assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    assertTrue(!breaker.tryAcquire());
  }

  @Test
  void aVerifiedTokenIsRememberedUntilItExpiresAndTheMemoryIsBounded() {
    VerifiedTokens tokens = new VerifiedTokens(2);
    VerifiedTokens.Caller caller = new VerifiedTokens.Caller(Set.of("promoter"), "a", 10_000);
    tokens.put("t1", caller, 0);
    assertEquals(caller, tokens.get("t1", 9_999));
    assertEquals(null, tokens.get("t1", 10_000));
    tokens.put("expired", new VerifiedTokens.Caller(Set.of(), "b", 5), 10);
    assertEquals(null, tokens.get("expired", 10));
    tokens.put("t2", caller, 0);
    tokens.put("t3", caller, 0);
    tokens.put("t4", caller, 0);
    assertEquals(caller, tokens.get("t4", 0));
    assertTrue(tokens.get("t2", 0) == null || tokens.get("t3", 0) == null, "at most 2 kept");
  }

  private static GatewayConfig.RateLimit limit(int burst, int perSecond) {
    return new GatewayConfig.RateLimit() {
      public int burst() {
        return burst;
      }

      public int perSecond() {
        return perSecond;
      }

      public int maxClients() {
        return 100;
      }
    };
  }

  private static GatewayConfig.Breaker breaker(int threshold, Duration openFor) {
    return new GatewayConfig.Breaker() {
      public int failureThreshold() {
        return threshold;
      }

      public Duration openFor() {
        return openFor;
      }
    };
  }
}
