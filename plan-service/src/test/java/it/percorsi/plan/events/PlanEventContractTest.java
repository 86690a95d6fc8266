package it.percorsi.plan.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.plan.support.Api;
import it.percorsi.plan.support.Approved;
import it.percorsi.plan.support.Cases;
import it.percorsi.plan.support.Cases.Case;
import it.percorsi.plan.support.RealInfrastructure;
import it.percorsi.testkit.Events;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What is really published on {@code percorsi.plans.v1} matches the JSON Schema of its type ({@code
 * schemas/<type>.json}) and carries no personal data nor the plan's free text. One scenario causes
 * every type: a plan returned, corrected, approved, amended, a delivery validated, and a plan
 * closed with its dote.
 */
@QuarkusTest
@RealInfrastructure
class PlanEventContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  /** Free text written in the scenario: none of it may reach the bus. */
  private static final List<String> FREE_TEXT =
      List.of("Find a job in catering", "Farm work", "cooking", "Add tutoring", "Interview");

  private static List<Events.Read> published;

  static List<String> types() {
    return List.of("submitted", "returned", "approved", "amended", "closed", "service-delivered");
  }

  private static synchronized List<Events.Read> published() {
    if (published != null) {
      return published;
    }
    Case c = Cases.assigned();
    Api.write("promoter-a", c.planId(), Cases.completePlan(c)).statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission").statusCode(200);
    Api.post(
            "cpi-messina",
            "/plans/" + c.planId() + "/return",
            Map.of("reasons", List.of("OTHER"), "note", "Add tutoring"))
        .statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission").statusCode(200);
    Api.post("cpi-messina", "/plans/" + c.planId() + "/approval").statusCode(200);
    String id =
        Api.post(
                "promoter-a",
                "/plans/" + c.planId() + "/deliveries",
                Map.of(
                    "activityId",
                    Approved.activityId(c, 0),
                    "deliveredOn",
                    c.assignedOn().toString(),
                    "hours",
                    2,
                    "note",
                    "Interview"))
            .statusCode(201)
            .extract()
            .path("id");
    Api.post("cpi-messina", "/plans/" + c.planId() + "/deliveries/" + id + "/validation")
        .statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/amendments").statusCode(201);
    Cases.doteEvent(
        c.doteId(),
        "it.percorsi.dote.revoked.v1",
        Map.of("reason", "OTHER", "reasonCode", "OTHER", "revokedOn", c.assignedOn().toString()));
    Set<String> wanted = Set.copyOf(types().stream().map(PlanEventContractTest::type).toList());
    published =
        Events.readUntil(
                Cases.PLANS,
                rs ->
                    rs.stream()
                        .filter(r -> c.planId().equals(r.key()))
                        .map(r -> r.header("ce_type"))
                        .collect(java.util.stream.Collectors.toSet())
                        .containsAll(wanted),
                Duration.ofSeconds(60))
            .stream()
            .filter(r -> c.planId().equals(r.key()))
            .toList();
    return published;
  }

  private static String type(String verb) {
    return "it.percorsi.plan." + verb + ".v1";
  }

  private static JsonSchema schema(String verb) throws Exception {
    try (InputStream in =
        PlanEventContractTest.class.getResourceAsStream("/schemas/" + type(verb) + ".json")) {
      assertThat(in).as("schema of " + verb).isNotNull();
      return SCHEMAS.getSchema(in);
    }
  }

  private static Events.Read event(String verb) {
    return published().stream()
        .filter(r -> type(verb).equals(r.header("ce_type")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + verb + " event was published"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void publishedEventMatchesTheSchemaOfItsType(String verb) throws Exception {
    Events.Read e = event(verb);

    assertThat(schema(verb).validate(JSON.readTree(e.value()))).as(e.value()).isEmpty();
    assertThat(e.header("ce_specversion")).isEqualTo("1.0");
    assertThat(e.header("ce_subject")).isEqualTo(e.key());
    assertThat(e.header("ce_source")).isEqualTo("/percorsi/plan-service");
    assertThat(JSON.readTree(e.value()).get("planId").asText()).isEqualTo(e.key());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void publishedEventCarriesNoPersonalDataNorFreeText(String verb) {
    Events.Read e = event(verb);

    assertThat(e.value() + e.headers()).doesNotContain(FREE_TEXT);
  }

  @Test
  void schemaRefusesAFieldItDoesNotDeclare() throws Exception {
    ObjectNode approved = (ObjectNode) JSON.readTree(event("approved").value());
    approved.put("objectives", "Find a job in catering");

    assertThat(schema("approved").validate(approved)).isNotEmpty();
  }

  @Test
  void approvedStillSatisfiesTheContractDoteServiceConsumes() throws Exception {
    ObjectNode approved = (ObjectNode) JSON.readTree(event("approved").value());

    assertThat(approved.get("planId")).isNotNull();
    assertThat(approved.get("doteId")).isNotNull();
    assertThat(approved.get("approvedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }
}
