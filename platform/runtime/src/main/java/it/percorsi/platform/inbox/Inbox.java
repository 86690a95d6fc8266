package it.percorsi.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import it.percorsi.platform.events.CloudEventHeaders;
import it.percorsi.platform.problem.DatabaseUnavailable;
import it.percorsi.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's handler exactly once per event id.
 *
 * <p>The handler and the row that records the event id commit in one transaction, so a redelivered
 * event is a no-op. While the database is unavailable (restarting, failing over) the event waits
 * for it, up to {@link #DATABASE_OUTAGE_WAIT}, in order. A handler that fails otherwise is retried
 * a few times; if it still fails the exception propagates and the Kafka connector's dead-letter
 * strategy sends the record to {@code <topic>.dlq} with the error, then the consumer moves on.
 */
@ApplicationScoped
public class Inbox {

  private static final Logger LOG = Logger.getLogger(Inbox.class);
  static final int ATTEMPTS = 3;

  /** How long an event waits for its database to come back before it counts as failed. */
  static final java.time.Duration DATABASE_OUTAGE_WAIT = java.time.Duration.ofMinutes(4);

  private final EntityManager em;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Tracer tracer;

  public Inbox(
      EntityManager em,
      ObjectMapper mapper,
      Clock clock,
      MeterRegistry registry,
      OpenTelemetry telemetry) {
    this.tracer = telemetry.getTracer("it.percorsi.inbox");
    this.em = em;
    this.mapper = mapper;
    this.clock = clock;
    this.registry = registry;
  }

  /**
   * Handles {@code record} for {@code consumer} unless that consumer already handled its id.
   *
   * @return true when the handler ran, false for a duplicate
   */
  public boolean handle(
      String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
    Context parent = TraceContext.fromHeaders(record.headers());
    if (!TraceContext.traced(parent)) {
      return handleOrDeadLetter(consumer, record, handler);
    }
    // The span joins the trace of the request that wrote the event (traceparent header).
    Span span =
        tracer
            .spanBuilder(record.topic() + " process")
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.operation", "process")
            .setAttribute("messaging.destination.name", record.topic())
            .setAttribute("messaging.consumer.group.name", consumer)
            .setAttribute("percorsi.consumer", consumer)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return handleOrDeadLetter(consumer, record, handler);
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  private boolean handleOrDeadLetter(
      String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
    try {
      return handleWithRetries(consumer, record, handler);
    } catch (RuntimeException e) {
      // Whatever leaves here goes to <topic>.dlq (the channel's dead-letter strategy).
      Counter.builder("percorsi.inbox.dead.letters")
          .description("Events sent to the dead-letter topic: poison, or failed every attempt")
          .tag("consumer", consumer)
          .tag("topic", record.topic())
          .tag("reason", e instanceof PoisonEventException ? "poison" : "failed")
          .register(registry)
          .increment();
      throw e;
    }
  }

  private boolean handleWithRetries(
      String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
    IncomingEvent event = parse(record);
    Span.current()
        .setAttribute("messaging.message.id", event.id())
        .setAttribute("percorsi.event.type", event.type())
        .setAttribute("percorsi.event.subject", String.valueOf(event.subject()));
    RuntimeException last = null;
    long outageStarted = 0;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        boolean handled =
            QuarkusTransaction.requiringNew().call(() -> handleOnce(consumer, event, handler));
        Counter.builder("percorsi.inbox.events")
            .tag("consumer", consumer)
            .tag("type", event.type())
            .tag("outcome", handled ? "handled" : "duplicate")
            .register(registry)
            .increment();
        return handled;
      } catch (PoisonEventException e) {
        throw e;
      } catch (RuntimeException e) {
        last = e;
        if (DatabaseUnavailable.causes(e) && !Thread.currentThread().isInterrupted()) {
          // The database restarting is not the event's fault: wait for it, holding this
          // partition's order, instead of spending the attempts and dead-lettering the event.
          // Bounded below Kafka's max.poll.interval, after which the group would move on anyway.
          long now = System.nanoTime();
          if (outageStarted == 0) {
            outageStarted = now;
            LOG.warnf("Database unavailable; event %s waits for it", event.id());
          }
          if (now - outageStarted < DATABASE_OUTAGE_WAIT.toNanos()) {
            attempt--;
            sleep(Math.min(2_000L, 100L + (now - outageStarted) / 1_000_000L / 4));
            continue;
          }
        }
        LOG.debugf("Attempt %d for event %s failed: %s", attempt, event.id(), e.getMessage());
        sleep(100L * attempt * attempt);
      }
    }
    Counter.builder("percorsi.inbox.events")
        .tag("consumer", consumer)
        .tag("type", event.type())
        .tag("outcome", "failed")
        .register(registry)
        .increment();
    LOG.warnf(
        "Event %s (%s) from %s failed %d times, sending it to the dead-letter topic",
        event.id(), event.type(), event.topic(), ATTEMPTS);
    throw last;
  }

  private boolean handleOnce(
      String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO inbox_event (event_id, consumer, event_type, topic, handled_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
            .setParameter(1, event.id())
            .setParameter(2, consumer)
            .setParameter(3, event.type())
            .setParameter(4, event.topic())
            .setParameter(5, OffsetDateTime.now(clock))
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    handler.accept(event);
    return true;
  }

  /** Reads the CloudEvents envelope; a record without one is poison. */
  public IncomingEvent parse(ConsumerRecord<String, String> record) {
    String id = header(record, CloudEventHeaders.ID);
    String type = header(record, CloudEventHeaders.TYPE);
    if (id == null || id.isBlank() || type == null || type.isBlank()) {
      throw new PoisonEventException(
          "record at "
              + record.topic()
              + "/"
              + record.partition()
              + "@"
              + record.offset()
              + " has no ce_id or ce_type header");
    }
    JsonNode data;
    try {
      data = record.value() == null ? null : mapper.readTree(record.value());
    } catch (Exception e) {
      throw new PoisonEventException("event " + id + " has a payload that is not JSON", e);
    }
    if (data == null || !data.isObject()) {
      throw new PoisonEventException("event " + id + " has no JSON object payload");
    }
    String time = header(record, CloudEventHeaders.TIME);
    Instant at;
    try {
      at = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
    } catch (RuntimeException e) {
      throw new PoisonEventException("event " + id + " has an invalid ce_time", e);
    }
    return new IncomingEvent(
        id,
        type,
        header(record, CloudEventHeaders.SOURCE),
        header(record, CloudEventHeaders.SUBJECT),
        at,
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        data);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
