package it.percorsi.webhook.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import it.percorsi.testkit.ProjectPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The event contract, {@code docs/asyncapi.yaml}: every message type with its example. */
public final class AsyncApi {

  /** One message: its CloudEvents type and the example payload. */
  public record Message(String type, JsonNode example) {}

  private AsyncApi() {}

  public static List<Message> messages() {
    try {
      JsonNode doc =
          new YAMLMapper().readTree(ProjectPaths.root().resolve("docs/asyncapi.yaml").toFile());
      List<Message> out = new ArrayList<>();
      doc.path("components")
          .path("messages")
          .forEach(
              m ->
                  out.add(
                      new Message(
                          m.path("name").asText(), m.path("examples").path(0).path("payload"))));
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read docs/asyncapi.yaml", e);
    }
  }
}
