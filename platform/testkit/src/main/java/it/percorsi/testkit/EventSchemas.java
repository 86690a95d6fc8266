package it.percorsi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates event payloads against the JSON Schemas (draft 2020-12) a service ships under {@code
 * schemas/}, one file per event type named {@code <ce_type>.json}.
 */
public final class EventSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

  private EventSchemas() {}

  /** The schema of {@code type} from {@code /schemas/<folder>/<type>.json} on the classpath. */
  public static JsonSchema schema(String folder, String type) {
    return CACHE.computeIfAbsent(
        folder + "/" + type,
        k -> {
          String path = "/schemas/" + k + ".json";
          try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
              throw new AssertionError("no JSON Schema " + path + " for event type " + type);
            }
            return FACTORY.getSchema(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Violations of {@code payload} against the schema of its type; empty when valid. */
  public static Set<String> violations(String folder, String type, String payload) {
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (IOException e) {
      return Set.of("not JSON: " + e.getMessage());
    }
    Set<ValidationMessage> messages = schema(folder, type).validate(node);
    return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }
}
