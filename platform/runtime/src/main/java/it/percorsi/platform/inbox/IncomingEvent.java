package it.percorsi.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An event read from the bus: its CloudEvents attributes, where it came from, its payload. The
 * readers of required payload fields throw {@link PoisonEventException}: an event without them can
 * never be handled, so it goes straight to the dead-letter topic.
 */
public record IncomingEvent(
    String id,
    String type,
    String source,
    String subject,
    Instant time,
    String topic,
    int partition,
    long offset,
    String key,
    JsonNode data) {

  /** A required text field. */
  public String text(String field) {
    JsonNode v = data.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new PoisonEventException("event " + id + " (" + type + ") lacks " + field);
    }
    return v.asText();
  }

  /** An optional text field, null when absent. */
  public String optionalText(String field) {
    return data.hasNonNull(field) ? data.get(field).asText() : null;
  }

  /** A required UUID field. */
  public java.util.UUID uuid(String field) {
    try {
      return java.util.UUID.fromString(text(field));
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("event " + id + " has an invalid " + field, e);
    }
  }

  /** A required whole number, zero or more. */
  public long nonNegativeLong(String field) {
    JsonNode v = data.get(field);
    if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
      throw new PoisonEventException("event " + id + " has an invalid " + field);
    }
    return v.asLong();
  }

  /** A required whole number, zero or more, that fits an int. */
  public int nonNegativeInt(String field) {
    long v = nonNegativeLong(field);
    if (v > Integer.MAX_VALUE) {
      throw new PoisonEventException("event " + id + " has an invalid " + field);
    }
    return (int) v;
  }
}
