package it.percorsi.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An event read from the bus: its CloudEvents attributes, where it came from, its payload. */
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
    JsonNode data) {}
