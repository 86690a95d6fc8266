package it.percorsi.gateway;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the gateway does to request headers before forwarding: drops hop-by-hop headers and any
 * header a client could use to impersonate an identity or a hop, sets its own {@code
 * X-Forwarded-*}, keeps a well-formed {@code X-Request-Id} and W3C {@code traceparent} or makes new
 * ones.
 */
final class Headers {

  static final String REQUEST_ID = "X-Request-Id";
  static final String TRACEPARENT = "traceparent";

  /** RFC 9110 section 7.6.1, plus the proxy ones. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern TRACEPARENT_FORMAT =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  private final Set<String> dropped;
  private final List<String> droppedPrefixes;

  Headers(List<String> dropped, List<String> droppedPrefixes) {
    this.dropped = dropped.stream().map(Headers::lower).collect(Collectors.toUnmodifiableSet());
    this.droppedPrefixes = droppedPrefixes.stream().map(Headers::lower).toList();
  }

  /** The caller's request id when well-formed, else a new one; set on the incoming request. */
  static String requestId(HttpServerRequest request) {
    String id = request.getHeader(REQUEST_ID);
    if (id == null || !REQUEST_ID_FORMAT.matcher(id).matches()) {
      id = java.util.UUID.randomUUID().toString();
      request.headers().set(REQUEST_ID, id);
    }
    return id;
  }

  /** Cleans the headers that will go upstream. */
  void clean(MultiMap headers, HttpServerRequest from) {
    List<String> names = new ArrayList<>(headers.names());
    Set<String> listedInConnection =
        headers.getAll("connection").stream()
            .flatMap(v -> java.util.Arrays.stream(v.split(",")))
            .map(h -> lower(h.trim()))
            .collect(Collectors.toSet());
    for (String name : names) {
      String n = lower(name);
      if (HOP_BY_HOP.contains(n)
          || listedInConnection.contains(n)
          || dropped.contains(n)
          || droppedPrefixes.stream().anyMatch(n::startsWith)) {
        headers.remove(name);
      }
    }
    SpanContext traced = Span.current().getSpanContext();
    String traceparent = headers.get(TRACEPARENT);
    if (traced.isValid()) {
      // Tracing on: the gateway's own span (a child of the caller's traceparent, if any) is the
      // parent upstream, so the service's spans join the request's trace.
      headers.set(
          TRACEPARENT,
          "00-"
              + traced.getTraceId()
              + "-"
              + traced.getSpanId()
              + "-"
              + traced.getTraceFlags().asHex());
    } else if (traceparent == null || !TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
      headers.remove("tracestate");
      headers.set(TRACEPARENT, newTraceparent());
    }
    if (from.remoteAddress() != null) {
      headers.set("X-Forwarded-For", from.remoteAddress().hostAddress());
    }
    headers.set("X-Forwarded-Proto", from.scheme());
    if (from.authority() != null) {
      headers.set("X-Forwarded-Host", from.authority().toString());
    }
    headers.set("X-Forwarded-Prefix", "/api");
  }

  private static String newTraceparent() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format(
        "00-%016x%016x-%016x-01", r.nextLong() | 1, r.nextLong(), r.nextLong() | 1);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
