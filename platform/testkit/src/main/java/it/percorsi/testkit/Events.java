package it.percorsi.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes events on the test broker, as an integrator would. */
public final class Events {

  private Events() {}

  /** A record as read from a topic, with its headers as strings. */
  public record Read(
      String topic,
      int partition,
      long offset,
      String key,
      Map<String, String> headers,
      String value) {

    public String header(String name) {
      return headers.get(name);
    }
  }

  /**
   * Reads the whole of {@code topic} from the beginning until {@code until} holds for what has been
   * read or {@code timeout} passes; returns everything read.
   */
  public static List<Read> readUntil(String topic, Predicate<List<Read>> until, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.get().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "testkit-" + UUID.randomUUID());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<Read> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          read.add(toRead(r));
        }
        if (until.test(read)) {
          break;
        }
      }
    }
    return read;
  }

  /** Reads {@code topic} until a record matches, or fails after {@code timeout}. */
  public static Read await(String topic, Predicate<Read> match, Duration timeout) {
    List<Read> read = readUntil(topic, rs -> rs.stream().anyMatch(match), timeout);
    return read.stream()
        .filter(match)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no matching event on "
                        + topic
                        + " within "
                        + timeout
                        + "; read "
                        + read.size()));
  }

  private static Read toRead(ConsumerRecord<String, String> r) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    for (Header h : r.headers()) {
      headers.put(
          h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
    }
    return new Read(r.topic(), r.partition(), r.offset(), r.key(), headers, r.value());
  }

  /**
   * Publishes a record with the given headers (e.g. a CloudEvents envelope) and waits for the ack.
   */
  public static void publish(String topic, String key, Map<String, String> headers, String value) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.get().bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to " + topic, e);
    }
  }

  /** CloudEvents binary-mode headers for a test event. */
  public static Map<String, String> cloudEvent(String id, String type, String subject) {
    return Map.of(
        "ce_id",
        id,
        "ce_type",
        type,
        "ce_source",
        "/percorsi/test",
        "ce_specversion",
        "1.0",
        "ce_time",
        java.time.Instant.now().toString(),
        "ce_subject",
        subject,
        "content-type",
        "application/json");
  }

  public static String describe(List<Read> reads) {
    return reads.stream()
        .map(r -> r.header("ce_type") + ":" + r.key())
        .collect(Collectors.joining(", "));
  }
}
