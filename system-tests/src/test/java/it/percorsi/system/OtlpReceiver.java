package it.percorsi.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A tiny OpenTelemetry collector in the test JVM: takes OTLP/HTTP (protobuf) trace exports from the
 * services, as a real collector would, and keeps the spans for assertions.
 */
public final class OtlpReceiver {

  /** One exported span, flattened. */
  public record ExportedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      Map<String, String> attributes) {}

  private static final int MAX_SPANS = 200_000;

  private final HttpServer server;
  private final ConcurrentLinkedQueue<ExportedSpan> spans = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

  OtlpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> daemon(r)));
    server.start();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "otlp-receiver");
    t.setDaemon(true);
    return t;
  }

  /** The base URL services export to (OTEL_EXPORTER_OTLP_ENDPOINT). */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<ExportedSpan> spans() {
    return List.copyOf(spans);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      receive(exchange);
    } catch (RuntimeException | LinkageError e) {
      // Never an uncaught exception on the server's threads: Awaitility would fail other tests.
      errors.add(e.toString());
      exchange.sendResponseHeaders(400, -1);
      exchange.close();
    }
  }

  /** What went wrong decoding exports (expected empty). */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = body(exchange)) {
        body = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod())
          || path.endsWith("/v1/metrics")
          || path.endsWith("/v1/logs")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
      for (ResourceSpans rs : request.getResourceSpansList()) {
        String service = attribute(rs.getResource(), "service.name");
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (io.opentelemetry.proto.trace.v1.Span s : ss.getSpansList()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (KeyValue kv : s.getAttributesList()) {
              attributes.put(kv.getKey(), text(kv.getValue()));
            }
            if (spans.size() >= MAX_SPANS) {
              continue;
            }
            spans.add(
                new ExportedSpan(
                    service,
                    hex(s.getTraceId().toByteArray()),
                    hex(s.getSpanId().toByteArray()),
                    hex(s.getParentSpanId().toByteArray()),
                    s.getName(),
                    s.getKind().name(),
                    attributes));
          }
        }
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
        ? new GZIPInputStream(in)
        : in;
  }

  private static String attribute(Resource resource, String key) {
    return resource.getAttributesList().stream()
        .filter(kv -> kv.getKey().equals(key))
        .map(kv -> text(kv.getValue()))
        .findFirst()
        .orElse(null);
  }

  private static String text(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case INT_VALUE -> String.valueOf(v.getIntValue());
      case BOOL_VALUE -> String.valueOf(v.getBoolValue());
      case DOUBLE_VALUE -> String.valueOf(v.getDoubleValue());
      default -> v.toString();
    };
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  void stop() {
    server.stop(0);
  }
}
