package it.percorsi.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka value deserializer for the platform's topics: reads the CloudEvents binary-mode headers
 * ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject}, {@code ce_time}) and the
 * JSON value into an {@link Event} whose payload is the class of its {@code ce_type}. Configure a
 * plain consumer with {@code value.deserializer=it.percorsi.events.EventDeserializer}, or call
 * {@link #read(ConsumerRecord)} on a record of bytes.
 */
public class EventDeserializer implements Deserializer<Event<?>> {

  /** The mapper the payloads are read with (unknown fields ignored, dates as ISO strings). */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** The typed event of a record whose value is the JSON bytes. */
  public static Event<?> read(ConsumerRecord<?, byte[]> record) {
    return new EventDeserializer().deserialize(record.topic(), record.headers(), record.value());
  }

  @Override
  public Event<?> deserialize(String topic, byte[] data) {
    throw new SerializationException(
        "an event of " + topic + " needs its CloudEvents headers: use a Kafka client >= 2.1");
  }

  @Override
  public Event<?> deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    String type = header(headers, "ce_type");
    if (type == null) {
      throw new SerializationException("a record of " + topic + " without ce_type");
    }
    Class<?> payloadClass = EventTypes.payloadClass(type);
    try {
      Object payload =
          payloadClass == null ? MAPPER.readTree(data) : MAPPER.readValue(data, payloadClass);
      String time = header(headers, "ce_time");
      return new Event<>(
          header(headers, "ce_id"),
          type,
          header(headers, "ce_source"),
          header(headers, "ce_subject"),
          time == null ? null : OffsetDateTime.parse(time),
          payload);
    } catch (IOException e) {
      throw new SerializationException("cannot read a " + type + " of " + topic, e);
    }
  }

  private static String header(Headers headers, String name) {
    Header h = headers == null ? null : headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
