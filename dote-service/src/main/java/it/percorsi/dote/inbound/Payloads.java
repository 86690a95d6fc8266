package it.percorsi.dote.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.platform.inbox.PoisonEventException;
import java.util.UUID;

/** Reads required fields of an incoming payload; a missing or malformed one is poison. */
final class Payloads {

  private Payloads() {}

  static String text(IncomingEvent e, String field) {
    JsonNode v = e.data().get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new PoisonEventException("event " + e.id() + " (" + e.type() + ") lacks " + field);
    }
    return v.asText();
  }

  static UUID uuid(IncomingEvent e, String field) {
    try {
      return UUID.fromString(text(e, field));
    } catch (IllegalArgumentException x) {
      throw new PoisonEventException("event " + e.id() + " has an invalid " + field, x);
    }
  }

  static int nonNegativeInt(IncomingEvent e, String field) {
    JsonNode v = e.data().get(field);
    if (v == null || !v.canConvertToInt() || v.asInt() < 0) {
      throw new PoisonEventException("event " + e.id() + " has an invalid " + field);
    }
    return v.asInt();
  }

  static long nonNegativeLong(IncomingEvent e, String field) {
    JsonNode v = e.data().get(field);
    if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
      throw new PoisonEventException("event " + e.id() + " has an invalid " + field);
    }
    return v.asLong();
  }
}
