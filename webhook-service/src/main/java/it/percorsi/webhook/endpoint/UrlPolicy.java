package it.percorsi.webhook.endpoint;

import it.percorsi.platform.clock.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may go: an {@code https} URL whose host resolves only to public addresses. In
 * sandbox mode {@code http(s)://127.0.0.1}, {@code [::1]} and {@code localhost} are allowed too,
 * nothing else private. Checked at registration and again, resolving anew, before every attempt (a
 * name may have been pointed elsewhere since: DNS rebinding).
 */
@ApplicationScoped
public class UrlPolicy {

  private final HostResolver resolver;
  private final boolean sandbox;

  public UrlPolicy(HostResolver resolver, SandboxConfig sandbox) {
    this.resolver = resolver;
    this.sandbox = sandbox.enabled();
  }

  /** Why {@code url} may not be called now, or empty when it may. */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !uri.isAbsolute() || uri.getRawUserInfo() != null) {
      return Optional.of("must be an absolute URL with a host and no user information");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    boolean loopbackName = isLoopbackName(host);
    if (!scheme.equals("https") && !(sandbox && loopbackName && scheme.equals("http"))) {
      return Optional.of(
          sandbox
              ? "must be https (http only to 127.0.0.1 or localhost in the sandbox)"
              : "must be https");
    }
    List<InetAddress> addresses;
    try {
      addresses =
          resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return Optional.of("host " + host + " does not resolve");
    }
    if (addresses.isEmpty()) {
      return Optional.of("host " + host + " does not resolve");
    }
    for (InetAddress a : addresses) {
      if (sandbox && loopbackName && a.isLoopbackAddress()) {
        continue;
      }
      if (!isPublic(a)) {
        return Optional.of("host " + host + " resolves to a private or reserved address");
      }
    }
    return Optional.empty();
  }

  private static boolean isLoopbackName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1");
  }

  /** A globally routable unicast address: not loopback, private, link-local, ULA, CGNAT, ... */
  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return !(first == 0 // this network
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240); // reserved, broadcast
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // unique local fc00::/7
      }
      boolean mappedOrCompatible = true;
      for (int i = 0; i < 10; i++) {
        mappedOrCompatible &= b[i] == 0;
      }
      if (mappedOrCompatible) {
        // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address: judge that one.
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
