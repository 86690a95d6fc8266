package it.percorsi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How two services' documents become one without one service's schema replacing another's. */
class MergedOpenApiTest {

  private static JsonObject doc(JsonObject history) {
    return new JsonObject()
        .put(
            "paths",
            new JsonObject()
                .put(
                    "/plans/{id}/history",
                    new JsonObject()
                        .put(
                            "get",
                            new JsonObject()
                                .put(
                                    "responses",
                                    new JsonObject()
                                        .put(
                                            "200",
                                            new JsonObject()
                                                .put(
                                                    "$ref",
                                                    "#/components/schemas/HistoryEntry"))))))
        .put(
            "components",
            new JsonObject()
                .put(
                    "schemas",
                    new JsonObject()
                        .put("HistoryEntry", history)
                        .put("Problem", new JsonObject().put("type", "object"))));
  }

  @Test
  void aSchemaNameTakenByAnotherShapeIsRenamedWithItsReferences() {
    JsonObject merged =
        new JsonObject()
            .put(
                "schemas",
                new JsonObject()
                    .put("HistoryEntry", new JsonObject().put("title", "participant's"))
                    .put("Problem", new JsonObject().put("type", "object")));
    JsonObject plan = doc(new JsonObject().put("title", "plan's"));

    JsonObject renamed = MergedOpenApi.withoutSchemaClashes(plan, merged, List.of("/api/plans"));

    JsonObject schemas = renamed.getJsonObject("components").getJsonObject("schemas");
    assertFalse(schemas.containsKey("HistoryEntry"));
    assertEquals("plan's", schemas.getJsonObject("PlanHistoryEntry").getString("title"));
    assertTrue(schemas.containsKey("Problem"), "the same schema under the same name stays");
    assertEquals(
        "#/components/schemas/PlanHistoryEntry",
        renamed
            .getJsonObject("paths")
            .getJsonObject("/plans/{id}/history")
            .getJsonObject("get")
            .getJsonObject("responses")
            .getJsonObject("200")
            .getString("$ref"));
  }

  @Test
  void schemasOnlyInternalPathsUseAreLeftOut() {
    JsonObject schemas =
        new JsonObject()
            .put("Count", new JsonObject().put("type", "object"))
            .put(
                "HistoryEntry",
                new JsonObject()
                    .put(
                        "properties",
                        new JsonObject()
                            .put("by", new JsonObject().put("$ref", "#/components/schemas/Actor"))))
            .put("Actor", new JsonObject().put("type", "object"))
            .put("Problem", new JsonObject().put("type", "object"));
    JsonObject paths = doc(new JsonObject()).getJsonObject("paths");
    JsonObject responses =
        new JsonObject()
            .put(
                "responses",
                new JsonObject()
                    .put("NotFound", new JsonObject().put("$ref", "#/components/schemas/Problem")));

    JsonObject kept = MergedOpenApi.reachable(schemas, paths, responses);

    assertEquals(List.of("HistoryEntry", "Actor", "Problem"), List.copyOf(kept.fieldNames()));
  }

  @Test
  void aDocumentWithoutClashesIsKeptAsItIs() {
    JsonObject merged =
        new JsonObject()
            .put(
                "schemas", new JsonObject().put("Problem", new JsonObject().put("type", "object")));
    JsonObject plan = doc(new JsonObject().put("title", "plan's"));

    assertSame(plan, MergedOpenApi.withoutSchemaClashes(plan, merged, List.of("/api/plans")));
  }
}
