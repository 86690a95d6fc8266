package it.percorsi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.percorsi.events.payload.DoteAssigned;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Every message example of docs/asyncapi.yaml, as a Kafka record with its CloudEvents headers,
 * reads into the payload class of its type, and that class writes back exactly the example: the
 * generated types cover every field of every event.
 */
class EventDeserializerTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyExampleOfTheDocumentReadsIntoItsTypedPayloadAndBack() throws Exception {
    JsonNode api =
        YAML.readTree(Path.of(System.getProperty("percorsi.root"), "docs/asyncapi.yaml").toFile());
    JsonNode messages = api.path("components").path("messages");
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> m : (Iterable<Map.Entry<String, JsonNode>>) messages::fields) {
      String type = m.getValue().path("name").asText();
      assertThat(EventTypes.payloadClass(type)).as("class of " + type).isNotNull();
      assertThat(EventTypes.payloadClass(type).getSimpleName()).isEqualTo(m.getKey());
      for (JsonNode example : m.getValue().path("examples")) {
        Event<?> event = EventDeserializer.read(record(example));
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.payload()).isInstanceOf(EventTypes.payloadClass(type));
        assertThat(event.id()).isEqualTo(example.at("/headers/ce_id").asText());
        assertThat(event.subject()).isEqualTo(example.at("/headers/ce_subject").asText());
        assertThat(event.time()).isNotNull();
        assertThat((JsonNode) EventDeserializer.MAPPER.valueToTree(event.payload()))
            .as("payload of " + type + " written back")
            .isEqualTo(example.path("payload"));
        checked.add(type);
      }
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(EventTypes.all().size());
    assertThat(EventTypes.all()).hasSize(messages.size());
  }

  @Test
  void aTypedPayloadHasTypedFieldsAndAnUnknownTypeOrFieldIsKept() throws Exception {
    JsonNode example =
        YAML.readTree(Path.of(System.getProperty("percorsi.root"), "docs/asyncapi.yaml").toFile())
            .at("/components/messages/DoteAssigned/examples/0");
    ((com.fasterxml.jackson.databind.node.ObjectNode) example.path("payload"))
        .put("addedLaterInV1", "ignored");
    DoteAssigned assigned = EventDeserializer.read(record(example)).as(DoteAssigned.class);
    assertThat(assigned.getAssignedOn()).isInstanceOf(java.time.LocalDate.class);
    assertThat(assigned.getInternshipMonths()).isPositive();

    ((com.fasterxml.jackson.databind.node.ObjectNode) example.path("headers"))
        .put("ce_type", "it.percorsi.dote.something-new.v1");
    Event<?> unknown = EventDeserializer.read(record(example));
    assertThat(unknown.payload()).isInstanceOf(JsonNode.class);
    assertThat(unknown.as(DoteAssigned.class)).isNull();
  }

  private static ConsumerRecord<String, byte[]> record(JsonNode example) throws Exception {
    RecordHeaders headers = new RecordHeaders();
    example
        .path("headers")
        .fields()
        .forEachRemaining(
            h -> headers.add(h.getKey(), h.getValue().asText().getBytes(StandardCharsets.UTF_8)));
    byte[] value = new ObjectMapper().writeValueAsBytes(example.path("payload"));
    return new ConsumerRecord<String, byte[]>(
        "percorsi.test.v1",
        0,
        0L,
        0L,
        org.apache.kafka.common.record.TimestampType.CREATE_TIME,
        0,
        value.length,
        example.at("/headers/ce_subject").asText(),
        value,
        headers,
        java.util.Optional.empty());
  }
}
