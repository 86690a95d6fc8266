package it.percorsi.gateway;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens the OIDC layer has already verified (signature, issuer, audience, type, algorithm), with
 * what the gateway needs of them, kept until they expire: a client sends the same token for
 * minutes, and verifying its signature once is enough. Only verified tokens enter, keyed by the
 * whole token, so no other string can find an entry; the expiry is checked on every use.
 */
final class VerifiedTokens {

  /** What the gateway needs of a verified token. */
  record Caller(Set<String> roles, String client, long expiresAtMillis) {}

  private final int maxEntries;
  private final ConcurrentHashMap<String, Caller> entries = new ConcurrentHashMap<>();

  VerifiedTokens(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The caller of a verified token that has not expired at {@code nowMillis}, or null. */
  Caller get(String token, long nowMillis) {
    Caller c = entries.get(token);
    if (c == null) {
      return null;
    }
    if (c.expiresAtMillis() <= nowMillis) {
      entries.remove(token, c);
      return null;
    }
    return c;
  }

  void put(String token, Caller caller, long nowMillis) {
    if (caller.expiresAtMillis() <= nowMillis) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(c -> c.expiresAtMillis() <= nowMillis);
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(token, caller);
  }
}
