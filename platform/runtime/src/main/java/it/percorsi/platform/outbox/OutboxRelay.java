package it.percorsi.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import it.percorsi.platform.events.CloudEventHeaders;
import it.percorsi.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka as CloudEvents 1.0 (binary mode), in commit order, keyed by
 * aggregate id so one aggregate's events stay on one partition in order.
 *
 * <p>A row is marked published only after Kafka acknowledged it. While Kafka is unreachable the
 * relay backs off and tries again: rows wait in the table, nothing is lost and nothing crashes.
 * Only one relay per database publishes at a time (a PostgreSQL advisory lock), so several replicas
 * of a service keep the per-aggregate order. Delivery is at least once: consumers de-duplicate on
 * the event id.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final long ADVISORY_LOCK_KEY = 0x7065_7263_6f72_7369L; // "percorsi"

  private final AgroalDataSource dataSource;
  private final OutboxConfig config;
  private final MeterRegistry registry;
  private final String bootstrapServers;
  private final Map<String, Object> broker;
  private final Tracer tracer;
  private final Semaphore signal = new Semaphore(0);
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestMillis = new AtomicLong();
  private volatile long statsReadAt;
  private volatile boolean running;
  private volatile boolean kafkaReachable = true;
  private Thread worker;
  private KafkaProducer<String, byte[]> producer;
  private Timer publishLatency;
  private Instant lastPurge = Instant.EPOCH;

  public OutboxRelay(
      AgroalDataSource dataSource,
      OutboxConfig config,
      MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @Identifier("default-kafka-broker") Map<String, Object> broker,
      OpenTelemetry telemetry) {
    this.dataSource = dataSource;
    this.tracer = telemetry.getTracer("it.percorsi.outbox");
    this.config = config;
    this.registry = registry;
    this.bootstrapServers = bootstrapServers;
    this.broker = broker;
  }

  void start(@Observes StartupEvent ignored) {
    Gauge.builder("percorsi.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet acknowledged by Kafka")
        .register(registry);
    Gauge.builder(
            "percorsi.outbox.oldest.age",
            oldestMillis,
            o -> o.get() == 0 ? 0 : Math.max(0, System.currentTimeMillis() - o.get()) / 1000.0)
        .description("Age of the oldest outbox row not yet acknowledged by Kafka (0 when none)")
        .baseUnit("seconds")
        .register(registry);
    publishLatency =
        Timer.builder("percorsi.outbox.publish.latency")
            .description("Time from commit of an event to Kafka's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    if (!config.relayEnabled()) {
      return;
    }
    producer = new KafkaProducer<>(producerProperties());
    // The relay's producer in the Kafka client metrics (kafka_producer_*), like the consumers'.
    new KafkaClientMetrics(producer).bindTo(registry);
    running = true;
    worker = new Thread(this::loop, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent ignored) {
    running = false;
    signal.release();
    if (worker != null) {
      try {
        worker.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
    }
  }

  /** Called after a transaction that appended events commits. */
  public void wake() {
    signal.release();
  }

  /** Whether the last publishing round reached Kafka. */
  public boolean kafkaReachable() {
    return kafkaReachable;
  }

  /** Rows not yet acknowledged by Kafka, as of the last round. */
  public long backlog() {
    return backlog.get();
  }

  /**
   * How every Kafka client of the service connects, from the {@code kafka.*} configuration the
   * consumers use too ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code
   * KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_*}...): against SASL/TLS listeners the
   * relay must authenticate exactly as they do.
   */
  static Properties connection(Map<String, Object> broker, String bootstrapServers) {
    Properties p = new Properties();
    broker.forEach(
        (k, v) -> {
          if (v != null
              && (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl."))) {
            p.put(k, String.valueOf(v));
          }
        });
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return p;
  }

  private Properties producerProperties() {
    Properties p = connection(broker, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
    long sendTimeout = config.sendTimeout().toMillis();
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.min(sendTimeout, 5_000)));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(sendTimeout, 5_000)));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(sendTimeout));
    p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    return p;
  }

  private void loop() {
    long backoffMs = 0;
    while (running) {
      try {
        long wait = backoffMs > 0 ? backoffMs : config.pollInterval().toMillis();
        signal.tryAcquire(wait, TimeUnit.MILLISECONDS);
        signal.drainPermits();
        if (!running) {
          return;
        }
        int published;
        do {
          published = publishBatch();
        } while (published == config.batchSize() && running);
        if (!kafkaReachable) {
          LOG.info("Kafka reachable again, outbox relay resumed");
          kafkaReachable = true;
        }
        backoffMs = 0;
        purgeIfDue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (kafkaReachable) {
          LOG.warnf("Outbox relay cannot publish, will retry: %s", e.getMessage());
          kafkaReachable = false;
        }
        backoffMs =
            Math.min(
                config.maxBackoff().toMillis(),
                Math.max(200, backoffMs == 0 ? 200 : backoffMs * 2));
        refreshStatsIfStale();
      }
    }
  }

  private record Row(
      UUID id,
      String topic,
      String aggregateType,
      String aggregateId,
      String type,
      String payload,
      Instant occurredAt,
      String traceparent) {}

  /**
   * Publishes one batch in a transaction holding the advisory lock.
   *
   * @return rows published, or 0 when another instance holds the lock
   */
  int publishBatch() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int n = publishBatch(c);
        c.commit();
        return n;
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
  }

  private int publishBatch(Connection c) throws Exception {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, ADVISORY_LOCK_KEY);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return 0;
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at,"
                + " traceparent FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
      select.setInt(1, config.batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant(),
                  rs.getString(8)));
        }
      }
    }
    if (rows.isEmpty()) {
      backlog.set(0);
      oldestMillis.set(0);
      statsReadAt = System.nanoTime();
      return 0;
    }
    List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
    List<Span> spans = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Span span = publishSpan(row);
      spans.add(span);
      Future<RecordMetadata> ack = producer.send(toRecord(row, span));
      acks.add(ack);
      if (ack.isDone() && failed(ack)) {
        // Refused before it was queued (no metadata after a broker's return, a full buffer): a
        // later row of the same aggregate sent now could reach the topic before it is sent again.
        // The rest of the batch waits for the next round, in order.
        break;
      }
    }
    // Mark the acknowledged prefix of each aggregate: a row after a failed one of the same
    // aggregate is sent again with it, so consumers never see an aggregate's events reordered.
    List<UUID> acknowledged = new ArrayList<>();
    Set<String> failedAggregates = new HashSet<>();
    Exception failure = null;
    long deadline = System.nanoTime() + config.sendTimeout().toNanos() + 1_000_000_000L;
    for (int i = 0; i < acks.size(); i++) {
      Row row = rows.get(i);
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        acks.get(i).get(left, TimeUnit.NANOSECONDS);
        if (!failedAggregates.contains(row.aggregateId())) {
          acknowledged.add(row.id());
        }
        spans.get(i).end();
      } catch (Exception e) {
        spans.get(i).setStatus(StatusCode.ERROR).end();
        failedAggregates.add(row.aggregateId());
        if (failure == null) {
          failure = e;
        }
      }
    }
    Instant now = Instant.now();
    if (!acknowledged.isEmpty()) {
      try (PreparedStatement mark =
          c.prepareStatement("UPDATE outbox_event SET published_at = ? WHERE id = ANY (?)")) {
        mark.setTimestamp(1, Timestamp.from(now));
        mark.setArray(2, c.createArrayOf("uuid", acknowledged.toArray()));
        mark.executeUpdate();
      }
      Set<UUID> ok = new HashSet<>(acknowledged);
      for (Row row : rows) {
        if (ok.contains(row.id())) {
          publishLatency.record(Duration.between(row.occurredAt(), now));
        }
      }
    }
    refreshBacklog(c);
    if (failure != null) {
      // Commit what Kafka acknowledged, then let the loop back off.
      c.commit();
      throw failure;
    }
    return rows.size();
  }

  private void refreshBacklog(Connection c) throws SQLException {
    try (PreparedStatement count =
            c.prepareStatement(
                "SELECT count(*), min(occurred_at) FROM outbox_event WHERE published_at IS NULL");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      backlog.set(rs.getLong(1));
      Timestamp oldest = rs.getTimestamp(2);
      oldestMillis.set(oldest == null ? 0 : oldest.getTime());
      statsReadAt = System.nanoTime();
    }
  }

  /**
   * While Kafka is unreachable no batch completes: the backlog and the oldest row's age are read on
   * their own, at most every 5 s, so the alerts on a growing outbox see it grow.
   */
  private void refreshStatsIfStale() {
    if (System.nanoTime() - statsReadAt < TimeUnit.SECONDS.toNanos(5)) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      refreshBacklog(c);
    } catch (SQLException e) {
      LOG.debugf("Cannot read the outbox backlog: %s", e.getMessage());
    }
  }

  /**
   * A producer span in the trace of the request that wrote the row (no span when it was not
   * traced): the record carries it as {@code traceparent}, so the consumers' spans join the trace.
   */
  private Span publishSpan(Row row) {
    Context parent = TraceContext.fromTraceparent(row.traceparent());
    if (!TraceContext.traced(parent)) {
      return Span.getInvalid();
    }
    return tracer
        .spanBuilder(row.topic() + " publish")
        .setParent(parent)
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.operation", "publish")
        .setAttribute("messaging.destination.name", row.topic())
        .setAttribute("messaging.message.id", row.id().toString())
        .setAttribute("percorsi.event.type", row.type())
        .startSpan();
  }

  /** Whether a completed send failed. */
  private static boolean failed(Future<RecordMetadata> ack) {
    try {
      ack.get();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  private ProducerRecord<String, byte[]> toRecord(Row row, Span span) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            row.topic(), row.aggregateId(), row.payload().getBytes(StandardCharsets.UTF_8));
    header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
    header(record, CloudEventHeaders.ID, row.id().toString());
    header(record, CloudEventHeaders.SOURCE, config.source());
    header(record, CloudEventHeaders.TYPE, row.type());
    header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
    header(record, CloudEventHeaders.SUBJECT, row.aggregateId());
    header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    if (span.getSpanContext().isValid()) {
      TraceContext.toHeaders(Context.root().with(span), record.headers());
    }
    return record;
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private void purgeIfDue() throws SQLException {
    Instant now = Instant.now();
    if (Duration.between(lastPurge, now).toMinutes() < 60) {
      return;
    }
    lastPurge = now;
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(now.minus(config.retention())));
      int n = delete.executeUpdate();
      if (n > 0) {
        LOG.debugf("Purged %d published outbox rows", n);
      }
    }
  }
}
