package it.percorsi.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The coarse role rule of one route: which roles may call a method on a path. Object-level rules
 * (whose record it is) stay in the services.
 */
final class AccessRules {

  static final Set<String> READS = Set.of("GET", "HEAD");
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private record Compiled(Set<String> methods, String[] segments, Set<String> roles) {}

  private final List<Compiled> rules;
  private final Set<String> readRoles;
  private final Set<String> writeRoles;

  AccessRules(GatewayConfig.Route route) {
    this.rules =
        route.rules().stream()
            .map(
                r ->
                    new Compiled(
                        r.methods().stream()
                            .map(m -> m.toUpperCase(Locale.ROOT))
                            .collect(Collectors.toUnmodifiableSet()),
                        segments(r.path()),
                        Set.copyOf(r.roles())))
            .toList();
    this.readRoles = Set.copyOf(route.readRoles());
    this.writeRoles = Set.copyOf(route.writeRoles().orElse(List.of()));
  }

  /**
   * The roles allowed to call {@code method} on {@code subPath} (the path below the route's prefix,
   * e.g. {@code /42/payment}); empty when nobody may.
   */
  Set<String> allowed(String method, String subPath) {
    String[] path = segments(subPath);
    for (Compiled rule : rules) {
      if (rule.methods().contains(method) && matches(rule.segments(), path)) {
        return rule.roles();
      }
    }
    if (READS.contains(method)) {
      return readRoles;
    }
    return WRITES.contains(method) ? writeRoles : Set.of();
  }

  /**
   * The path's segments as the services match them: matrix parameters ({@code ;a=b}) cut off and
   * trailing empty segments ({@code /x/erasure/}) dropped, so that neither slips past a rule.
   */
  private static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.isEmpty()) {
      return new String[0];
    }
    String[] parts = trimmed.split("/", -1);
    int n = parts.length;
    for (int i = 0; i < n; i++) {
      int semicolon = parts[i].indexOf(';');
      if (semicolon >= 0) {
        parts[i] = parts[i].substring(0, semicolon);
      }
    }
    while (n > 0 && parts[n - 1].isEmpty()) {
      n--;
    }
    return java.util.Arrays.copyOf(parts, n);
  }

  private static boolean matches(String[] pattern, String[] path) {
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i].equals("**")) {
        return true;
      }
      if (i >= path.length || !(pattern[i].equals("*") || pattern[i].equals(path[i]))) {
        return false;
      }
    }
    return pattern.length == path.length;
  }
}
