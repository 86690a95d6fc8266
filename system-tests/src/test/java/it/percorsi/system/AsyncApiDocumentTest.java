package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import it.percorsi.testkit.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document as an integrator gets it: one self-contained file (no reference outside
 * it), each message with its CloudEvents headers, its Kafka key and an example valid against its
 * own schemas; served by the gateway at {@code /asyncapi} without a token, as checked in.
 */
class AsyncApiDocumentTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static Path file() {
    return ProjectPaths.root().resolve("docs/asyncapi.yaml");
  }

  @Test
  void everyReferenceStaysInsideTheDocument() throws Exception {
    JsonNode api = YAML.readTree(file().toFile());
    List<String> refs = new ArrayList<>();
    collectRefs(api, refs);
    assertThat(refs).as("$ref in the document").isNotEmpty();
    assertThat(refs).as("references outside the document").allMatch(r -> r.startsWith("#/"));
    for (String ref : refs) {
      assertThat(api.at(ref.substring(1)).isMissingNode()).as("target of " + ref).isFalse();
    }
  }

  @Test
  void everyMessageHasHeadersAKeyAndExamplesValidAgainstItsSchemas() throws Exception {
    JsonNode messages = YAML.readTree(file().toFile()).path("components").path("messages");
    assertThat(messages.size()).as("messages").isGreaterThan(20);
    for (Iterator<Map.Entry<String, JsonNode>> it = messages.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode message = entry.getValue();
      String type = message.path("name").asText();
      JsonNode headers = message.path("headers");
      assertThat(headers.path("properties").path("ce_type").path("const").asText())
          .as("ce_type of " + entry.getKey())
          .isEqualTo(type);
      assertThat(message.at("/bindings/kafka/key/type").asText())
          .as("Kafka key of " + type)
          .isEqualTo("string");
      JsonNode examples = message.path("examples");
      assertThat(examples.size()).as("examples of " + type).isPositive();
      for (JsonNode example : examples) {
        assertThat(
                SCHEMAS.getSchema(message.at("/payload/schema")).validate(example.path("payload")))
            .as("payload example of " + type)
            .isEmpty();
        assertThat(SCHEMAS.getSchema(headers).validate(example.path("headers")))
            .as("headers example of " + type)
            .isEmpty();
      }
    }
  }

  @Test
  void theGatewayServesTheCheckedInDocumentWithoutAToken() throws Exception {
    String served =
        given()
            .baseUri(Stack.get().gateway())
            .when()
            .get("/asyncapi")
            .then()
            .statusCode(200)
            .contentType("application/yaml")
            .extract()
            .asString();
    assertThat(served).isEqualTo(Files.readString(file()));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
          refs.add(field.getValue().asText());
        } else {
          collectRefs(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
