package it.percorsi.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context as it travels with an event: kept in the outbox row by the writing request,
 * put in the Kafka record's {@code traceparent} header by the relay, read back by the inbox so the
 * consumers' spans join the request's trace. Without tracing (SDK disabled, not sampled) there is
 * no context and nothing is written.
 */
public final class TraceContext {

  public static final String HEADER = "traceparent";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Headers> FROM_HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
          return List.of(HEADER);
        }

        @Override
        public String get(Headers carrier, String key) {
          Header h = carrier == null ? null : carrier.lastHeader(key);
          return h == null || h.value() == null
              ? null
              : new String(h.value(), StandardCharsets.UTF_8);
        }
      };

  private static final TextMapGetter<String> FROM_TRACEPARENT =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
          return HEADER.equals(key) ? carrier : null;
        }
      };

  private static final TextMapSetter<Headers> TO_HEADERS =
      (carrier, key, value) -> {
        if (HEADER.equals(key)) {
          carrier.remove(key);
          carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
      };

  private TraceContext() {}

  /** The {@code traceparent} of the current span, or null when nothing is traced. */
  public static String currentTraceparent() {
    SpanContext sc = Span.current().getSpanContext();
    if (!sc.isValid()) {
      return null;
    }
    return "00-" + sc.getTraceId() + "-" + sc.getSpanId() + "-" + sc.getTraceFlags().asHex();
  }

  /** The context a stored {@code traceparent} describes (the root context when null). */
  public static Context fromTraceparent(String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    return W3C.extract(Context.root(), traceparent, FROM_TRACEPARENT);
  }

  /** The context a record's {@code traceparent} header describes (the root context without). */
  public static Context fromHeaders(Headers headers) {
    return W3C.extract(Context.root(), headers, FROM_HEADERS);
  }

  /** Writes {@code context}'s span as the record's {@code traceparent} header. */
  public static void toHeaders(Context context, Headers headers) {
    W3C.inject(context, headers, TO_HEADERS);
  }

  /** Whether {@code context} carries a valid span context. */
  public static boolean traced(Context context) {
    return Span.fromContext(context).getSpanContext().isValid();
  }
}
