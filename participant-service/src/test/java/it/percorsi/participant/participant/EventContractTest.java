package it.percorsi.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.TestClock;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What is really published on {@code percorsi.participants.v1} matches the JSON Schema of its type
 * ({@code schemas/participant.<verb>.v1.json}) and carries no personal data. One scenario causes
 * every type once: a participant registered, changed, its consent withdrawn, its case transferred,
 * erased; and a minor who comes of age.
 */
@QuarkusTest
@RealInfrastructure
class EventContractTest {

  private static final String TOPIC = "percorsi.participants.v1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static Scenario scenario;

  @Inject ComingOfAgeJob job;
  @Inject TestClock clock;

  /** The participants of the scenario, what is personal about them, and what was published. */
  private record Scenario(Set<String> ids, List<String> personal, List<Events.Read> events) {}

  private synchronized Scenario scenario() {
    if (scenario != null) {
      return scenario;
    }
    Map<String, Object> adult = Fixtures.complete();
    adult.put("taxCode", Fixtures.definitiveTaxCode(LocalDate.parse("2005-03-14"), "M"));
    String a = Api.register("promoter-a", adult);
    Api.patch("promoter-a", a, Map.of("employmentStatus", "EMPLOYED", "familyName", "Camara"))
        .statusCode(200);
    Api.post("promoter-a", "/participants/" + a + "/consent-withdrawal", Map.of()).statusCode(200);
    Api.post(
            "agency-admin",
            "/participants/" + a + "/ownership-transfers",
            Map.of("toOrgId", "ORG-PROMOTER-B"))
        .statusCode(200);
    Api.post("agency-admin", "/participants/" + a + "/erasure", Map.of()).statusCode(200);

    LocalDate tomorrow = Fixtures.today().plusDays(1);
    Map<String, Object> minor = Fixtures.minorBornOn(tomorrow.minusYears(18), "083");
    String m = Api.register("promoter-a", minor);
    clock.moveTo(tomorrow);
    try {
      job.run();
    } finally {
      clock.reset();
    }

    Set<String> ids = Set.of(a, m);
    List<String> types =
        List.of("registered", "updated", "consent-withdrawn", "ownership-transferred", "erased");
    List<Events.Read> events =
        Events.readUntil(
            TOPIC,
            rs -> types.stream().allMatch(t -> has(rs, a, t)) && has(rs, m, "came-of-age"),
            Duration.ofSeconds(60));
    List<String> personal = new ArrayList<>();
    for (Map<String, Object> body : List.of(adult, minor)) {
      personal.add((String) body.get("taxCode"));
      personal.add((String) body.get("birthDate"));
    }
    personal.addAll(List.of("Amadou", "Diallo", "Camara", "Maria Bianchi", "I12345678"));
    scenario =
        new Scenario(ids, personal, events.stream().filter(r -> ids.contains(r.key())).toList());
    return scenario;
  }

  private static boolean has(List<Events.Read> read, String key, String verb) {
    return read.stream()
        .anyMatch(r -> key.equals(r.key()) && type(verb).equals(r.header("ce_type")));
  }

  private static String type(String verb) {
    return "it.percorsi.participant." + verb + ".v1";
  }

  private static JsonSchema schema(String verb) throws Exception {
    try (InputStream in =
        EventContractTest.class.getResourceAsStream("/schemas/participant." + verb + ".v1.json")) {
      assertThat(in).as("schema of " + verb).isNotNull();
      return SCHEMAS.getSchema(in);
    }
  }

  private Events.Read published(String verb) {
    return scenario().events().stream()
        .filter(r -> type(verb).equals(r.header("ce_type")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + verb + " event was published"));
  }

  /** The verbs of every participant event type. */
  static List<String> types() {
    return List.of(
        "registered",
        "updated",
        "came-of-age",
        "consent-withdrawn",
        "ownership-transferred",
        "erased");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void publishedEventMatchesTheSchemaOfItsType(String verb) throws Exception {
    Events.Read event = published(verb);

    Set<ValidationMessage> errors = schema(verb).validate(JSON.readTree(event.value()));

    assertThat(errors).as(event.value()).isEmpty();
    assertThat(event.header("ce_specversion")).isEqualTo("1.0");
    assertThat(event.header("ce_subject")).isEqualTo(event.key());
    assertThat(JSON.readTree(event.value()).get("participantId").asText()).isEqualTo(event.key());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void publishedEventCarriesNoPersonalData(String verb) {
    Events.Read event = published(verb);
    String everything = event.value() + event.headers();

    assertThat(everything).doesNotContain(scenario().personal());
  }

  @Test
  void updatedEventNamesTheChangedFieldsButNotTheirValues() throws Exception {
    JsonNode updated = JSON.readTree(published("updated").value());

    assertThat(updated.get("changedFields"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("employmentStatus", "familyName");
    assertThat(updated.get("employmentStatus").asText()).isEqualTo("EMPLOYED");
  }

  @Test
  void schemaRefusesAPayloadWithAFieldItDoesNotDeclare() throws Exception {
    ObjectNode registered = (ObjectNode) JSON.readTree(published("registered").value());
    registered.put("taxCode", "RSSMRA85T10A562S");

    assertThat(schema("registered").validate(registered)).isNotEmpty();
  }
}
