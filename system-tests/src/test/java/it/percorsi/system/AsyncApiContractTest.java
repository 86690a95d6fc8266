package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.ProjectPaths;
import it.percorsi.testkit.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document integrators read ({@code docs/asyncapi.yaml}) against what the services
 * really publish: every event on every topic is declared on that topic's channel, carries the
 * CloudEvents headers and matches the declared payload schema.
 */
class AsyncApiContractTest {

  private static final Set<String> HEADERS =
      Set.of(
          "ce_id",
          "ce_source",
          "ce_type",
          "ce_specversion",
          "ce_time",
          "ce_subject",
          "content-type");
  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  /** topic → (ce_type → payload schema), from the document. */
  private static Map<String, Map<String, JsonSchema>> declared() throws Exception {
    Path docs = ProjectPaths.root().resolve("docs");
    JsonNode api =
        new ObjectMapper(new YAMLFactory()).readTree(docs.resolve("asyncapi.yaml").toFile());
    assertThat(api.get("asyncapi").asText()).isEqualTo("3.0.0");
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    Map<String, Map<String, JsonSchema>> byTopic = new HashMap<>();
    for (Iterator<JsonNode> it = api.get("channels").elements(); it.hasNext(); ) {
      JsonNode channel = it.next();
      Map<String, JsonSchema> types = new HashMap<>();
      JsonNode messages = channel.path("messages");
      for (Iterator<JsonNode> m = messages.elements(); m.hasNext(); ) {
        String ref = m.next().get("$ref").asText();
        JsonNode message = api.at(ref.substring(1));
        types.put(message.get("name").asText(), factory.getSchema(message.at("/payload/schema")));
      }
      byTopic.put(channel.get("address").asText(), types);
    }
    return byTopic;
  }

  @Test
  void everyPublishedEventIsDeclaredOnItsChannelAndMatchesItsSchema() throws Exception {
    String id =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Tokens.of("promoter-a"))
            .contentType("application/json")
            .body(Participants.body("083"))
            .when()
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Events.await("percorsi.participants.v1", r -> id.equals(r.key()), Duration.ofSeconds(30));

    Map<String, Map<String, JsonSchema>> declared = declared();
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String topic : Stack.TOPICS) {
      assertThat(declared).as("channel for " + topic).containsKey(topic);
      List<Events.Read> read = Events.readUntil(topic, rs -> false, Duration.ofSeconds(2));
      for (Events.Read r : read) {
        assertThat(r.headers().keySet())
            .as("headers of %s", r.header("ce_type"))
            .containsAll(HEADERS);
        JsonSchema schema = declared.get(topic).get(r.header("ce_type"));
        assertThat(schema).as("%s declared on %s", r.header("ce_type"), topic).isNotNull();
        assertThat(schema.validate(json.readTree(r.value())))
            .as("%s %s", r.header("ce_type"), r.value())
            .isEmpty();
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }
}
