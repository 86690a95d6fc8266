package it.percorsi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event types of the AsyncAPI document this library was generated from: CloudEvents type →
 * payload class, and the topic it is published on. Read from {@code event-types.json}, which the
 * build writes from {@code docs/asyncapi.yaml} together with the payload classes.
 */
public final class EventTypes {

  private static final String PACKAGE = "it.percorsi.events.payload.";

  /** A type of the document: its payload class and topic. */
  public record Type(String ceType, Class<?> payloadClass, String topic) {}

  private static final Map<String, Type> TYPES = load();

  private EventTypes() {}

  /** Every event type, by {@code ce_type}. */
  public static Map<String, Type> all() {
    return TYPES;
  }

  /** The payload class of a {@code ce_type}, or null for a type this library does not know. */
  public static Class<?> payloadClass(String ceType) {
    Type t = TYPES.get(ceType);
    return t == null ? null : t.payloadClass();
  }

  private static Map<String, Type> load() {
    try (InputStream in = EventTypes.class.getResourceAsStream("event-types.json")) {
      if (in == null) {
        throw new IllegalStateException("event-types.json missing beside " + EventTypes.class);
      }
      JsonNode types = new ObjectMapper().readTree(in);
      Map<String, Type> all = new LinkedHashMap<>();
      types
          .fields()
          .forEachRemaining(
              e -> {
                String message = e.getValue().get("message").asText();
                try {
                  all.put(
                      e.getKey(),
                      new Type(
                          e.getKey(),
                          Class.forName(PACKAGE + message),
                          e.getValue().get("topic").asText()));
                } catch (ClassNotFoundException ex) {
                  throw new IllegalStateException("no payload class for " + e.getKey(), ex);
                }
              });
      return Collections.unmodifiableMap(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
