package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The merged OpenAPI document the gateway serves at {@code /openapi}, as a client generator reads
 * it: every operation named, typed and documented with its problem responses; where to call and how
 * to get a token.
 */
class OpenApiContractTest {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final List<String> COMMON_PROBLEMS =
      List.of("400", "401", "403", "404", "429", "503");
  private static final String PROBLEM = "application/problem+json";
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonPath doc;
  private static JsonNode tree;

  @BeforeAll
  static void document() throws Exception {
    String text =
        given()
            .baseUri(Stack.get().gateway())
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    doc = new JsonPath(text);
    tree = new ObjectMapper().readTree(text);
  }

  /** "METHOD /path" → operation, for every operation of the document. */
  private static Map<String, Map<String, Object>> operations() {
    Map<String, Map<String, Object>> ops = new TreeMap<>();
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    paths.forEach(
        (path, item) ->
            item.forEach(
                (method, op) -> {
                  if (METHODS.contains(method)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> operation = (Map<String, Object>) op;
                    ops.put(method.toUpperCase() + " " + path, operation);
                  }
                }));
    assertThat(ops).as("operations in /openapi").hasSizeGreaterThan(50);
    return ops;
  }

  @Test
  void everyOperationHasAUniqueReadableOperationId() {
    Map<String, List<String>> byId = new HashMap<>();
    List<String> unnamed = new ArrayList<>();
    operations()
        .forEach(
            (name, op) -> {
              Object id = op.get("operationId");
              if (id == null) {
                unnamed.add(name);
              } else {
                byId.computeIfAbsent(id.toString(), k -> new ArrayList<>()).add(name);
              }
            });
    assertThat(unnamed).as("operations without an operationId").isEmpty();
    byId.forEach(
        (id, ops) -> {
          assertThat(ops).as("operations named " + id).hasSize(1);
          assertThat(id).as("operationId of " + ops).matches("[a-z][a-zA-Z]+");
        });
    assertThat(byId).containsKeys("registerParticipant", "applyForDote", "listDotes");
  }

  @Test
  void everyOperationAnswersATypedSuccess() {
    List<String> untyped = new ArrayList<>();
    operations()
        .forEach(
            (name, op) -> {
              Map<String, Map<String, Object>> responses = responses(op);
              List<Map.Entry<String, Map<String, Object>>> successes =
                  responses.entrySet().stream().filter(r -> r.getKey().startsWith("2")).toList();
              if (successes.isEmpty()) {
                untyped.add(name + ": no 2xx response");
              }
              for (Map.Entry<String, Map<String, Object>> success : successes) {
                Map<String, Map<String, Object>> content = content(success.getValue());
                // 204 No Content is the one success without a body (a deletion), and has none.
                boolean noContent = success.getKey().equals("204");
                if (noContent && !content.isEmpty()) {
                  untyped.add(name + ": a 204 with content");
                }
                if (content.isEmpty() && !noContent) {
                  untyped.add(name + ": a 2xx without content");
                }
                content.forEach(
                    (media, body) -> {
                      if (!typed(schema(body))) {
                        untyped.add(name + " " + media + ": " + body.get("schema"));
                      }
                    });
              }
            });
    assertThat(untyped).as("operations whose success is not typed").isEmpty();
  }

  @Test
  void listsAnswerAPageOfTypedItemsWithTheNextCursor() {
    for (String path :
        List.of(
            "/api/participants",
            "/api/dotes",
            "/api/plans",
            "/api/employers",
            "/api/internships",
            "/api/hires")) {
      Map<String, Object> schema =
          schema(
              content(responses(operations().get("GET " + path)).get("200")).values().stream()
                  .findFirst()
                  .orElseThrow());
      Map<String, Object> page = resolve(schema);
      Map<String, Map<String, Object>> properties = properties(page);
      assertThat(properties).as("page of " + path).containsKeys("items", "next");
      assertThat(properties.get("items").get("type")).as("items of " + path).isEqualTo("array");
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) properties.get("items").get("items");
      assertThat(typed(item)).as("items of " + path + ": " + item).isTrue();
      assertThat(
              operationParameter(path, "limit")
                  .map(p -> resolve(schema(p)).get("type"))
                  .orElse(null))
          .as("limit of " + path)
          .isEqualTo("integer");
    }
  }

  @Test
  void eachServiceKeepsItsOwnSchemasInTheMergedDocument() {
    // Plan history and participant history are different shapes with a common simple name.
    Map<String, Object> planHistory =
        resolve(
            doc.getMap(
                "paths.'/api/plans/{id}/history'.get.responses.'200'.content.'application/json'"
                    + ".schema.items"));
    assertThat(properties(planHistory)).containsKeys("version", "detail");
    Map<String, Object> participantHistory =
        resolve(
            doc.getMap(
                "paths.'/api/participants/{id}/history'.get.responses.'200'.content"
                    + ".'application/json'.schema.items"));
    assertThat(properties(participantHistory)).containsKey("fields").doesNotContainKey("version");
    assertThat(doc.getMap("components.securitySchemes").keySet())
        .containsExactlyInAnyOrder("bearer", "clientCredentials", "authorizationCode");
  }

  @Test
  void queryParametersAreTypedAsTheServicesParseThem() {
    assertThat(parameterType("/api/participants", "minAge")).isEqualTo("integer");
    assertThat(parameterType("/api/participants", "maxAge")).isEqualTo("integer");
    assertThat(parameterType("/api/participants", "enteredAsMinor")).isEqualTo("boolean");
    assertThat(parameterType("/api/internships/follow-ups", "limit")).isEqualTo("integer");
  }

  @Test
  void everyOperationDocumentsTheCommonProblemsWithTheSharedSchema() {
    List<String> missing = new ArrayList<>();
    operations()
        .forEach(
            (name, op) -> {
              Map<String, Map<String, Object>> responses = responses(op);
              for (String status : COMMON_PROBLEMS) {
                Map<String, Object> response = responses.get(status);
                if (response == null) {
                  missing.add(name + " " + status);
                  continue;
                }
                Map<String, Object> problem = content(resolveResponse(response)).get(PROBLEM);
                if (problem == null
                    || !"#/components/schemas/Problem".equals(schema(problem).get("$ref"))) {
                  missing.add(name + " " + status + " as " + PROBLEM + " Problem");
                }
              }
              if (!name.startsWith("GET ")) {
                for (String status : List.of("409", "422")) {
                  if (!responses.containsKey(status)) {
                    missing.add(name + " " + status);
                  }
                }
              }
            });
    assertThat(missing).as("problem responses not documented").isEmpty();
    Map<String, Map<String, Object>> problem = properties(doc.getMap("components.schemas.Problem"));
    assertThat(problem).containsKeys("type", "title", "status", "detail", "errors");
    assertThat(doc.getMap("components.responses.TooManyRequests.headers"))
        .containsKey("Retry-After");
    assertThat(doc.getMap("components.responses.ServiceUnavailable.headers"))
        .containsKey("Retry-After");
  }

  @Test
  void conditionalWritesDocumentTheirPreconditions() {
    assertThat(responses(operations().get("PATCH /api/participants/{id}")))
        .containsKeys("412", "428");
    assertThat(responses(operations().get("PUT /api/employers/{id}"))).containsKeys("412", "428");
    assertThat(responses(operations().get("PUT /api/plans/{id}"))).containsKeys("412", "428");
    assertThat(responses(operations().get("POST /api/participants"))).containsKey("413");
  }

  @Test
  void listsTheServersAndTheKeycloakFlows() {
    List<String> servers = doc.getList("servers.url");
    assertThat(servers)
        .contains("http://127.0.0.1:8080")
        .anyMatch(u -> u.contains("dev."))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(doc.getList("servers.description", String.class))
        .allMatch(d -> d != null && !d.isBlank());
    String tokenUrl =
        doc.getString(
            "components.securitySchemes.clientCredentials.flows.clientCredentials.tokenUrl");
    assertThat(tokenUrl).endsWith("/realms/percorsi/protocol/openid-connect/token");
    assertThat(
            doc.getString(
                "components.securitySchemes.authorizationCode.flows.authorizationCode.tokenUrl"))
        .isEqualTo(tokenUrl);
    assertThat(
            doc.getString(
                "components.securitySchemes.authorizationCode.flows.authorizationCode.authorizationUrl"))
        .endsWith("/realms/percorsi/protocol/openid-connect/auth");
    assertThat(doc.getList("security")).hasSize(3);
    // Through the gateway, any of the schemes will do for every operation.
    operations()
        .forEach(
            (name, op) -> {
              if (op.containsKey("security")) {
                assertThat(op.get("security").toString())
                    .as("security of " + name)
                    .contains("clientCredentials", "authorizationCode", "bearer");
              }
            });
  }

  @Test
  void everyExampleIsValidAgainstItsOwnSchema() {
    List<String> invalid = new ArrayList<>();
    int[] checked = {0};
    BiConsumer<JsonNode, JsonNode> check =
        (schema, example) -> {
          checked[0]++;
          if (!valid(schema, example)) {
            invalid.add(example + " against " + schema);
          }
        };
    tree.at("/components/schemas")
        .forEach(
            schema -> {
              schema.path("examples").forEach(ex -> check.accept(schema, ex));
              schema
                  .path("properties")
                  .forEach(p -> p.path("examples").forEach(ex -> check.accept(p, ex)));
            });
    List<JsonNode> contents = new ArrayList<>();
    tree.at("/components/responses").forEach(r -> contents.add(r.path("content")));
    for (JsonNode item : tree.path("paths")) {
      for (JsonNode op : item) {
        for (JsonNode p : op.path("parameters")) {
          if (p.has("example")) {
            check.accept(p.path("schema"), p.get("example"));
          }
        }
        contents.add(op.path("requestBody").path("content"));
        op.path("responses").forEach(r -> contents.add(r.path("content")));
      }
    }
    for (JsonNode content : contents) {
      for (JsonNode media : content) {
        if (media.has("example")) {
          check.accept(media.path("schema"), media.get("example"));
        }
        media.path("examples").forEach(ex -> check.accept(media.path("schema"), ex.path("value")));
      }
    }
    assertThat(checked[0]).as("examples in the document").isGreaterThan(100);
    assertThat(invalid).as("examples not valid against their schema").isEmpty();
  }

  /**
   * Validates against a schema of the document: the schema's keywords at the root beside the
   * document's {@code components}, so that its {@code #/components/...} references resolve.
   */
  private static boolean valid(JsonNode schema, JsonNode value) {
    ObjectNode root = ((ObjectNode) schema.deepCopy());
    root.set("components", tree.path("components"));
    return SCHEMAS.getSchema(root).validate(value).isEmpty();
  }

  // --- reading the document

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> responses(Map<String, Object> op) {
    return (Map<String, Map<String, Object>>) op.getOrDefault("responses", Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> content(Map<String, Object> response) {
    return (Map<String, Map<String, Object>>) response.getOrDefault("content", Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(Map<String, Object> mediaOrParameter) {
    return (Map<String, Object>) mediaOrParameter.getOrDefault("schema", Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
    return (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
  }

  private static Map<String, Object> resolve(Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    String name = ref.toString().substring("#/components/schemas/".length());
    return doc.getMap("components.schemas.'" + name + "'");
  }

  private static Map<String, Object> resolveResponse(Map<String, Object> response) {
    Object ref = response.get("$ref");
    if (ref == null) {
      return response;
    }
    String name = ref.toString().substring("#/components/responses/".length());
    return doc.getMap("components.responses.'" + name + "'");
  }

  /**
   * A schema a generator can type: a named schema, a scalar, an array of typed items, or an object
   * with properties. A bare {@code object} (or no schema) becomes an untyped {@code Object}.
   */
  @SuppressWarnings("unchecked")
  private static boolean typed(Map<String, Object> schema) {
    if (schema == null || schema.isEmpty()) {
      return false;
    }
    if (schema.containsKey("$ref")) {
      Map<String, Object> target = resolve(schema);
      return target != null && (target.containsKey("properties") || typed(target));
    }
    Object type = schema.get("type");
    if ("array".equals(type)) {
      return typed((Map<String, Object>) schema.get("items"));
    }
    if ("object".equals(type) || type == null) {
      return schema.containsKey("properties")
          || schema.containsKey("additionalProperties")
              && schema.get("additionalProperties") instanceof Map;
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static java.util.Optional<Map<String, Object>> operationParameter(
      String path, String name) {
    List<Map<String, Object>> parameters =
        (List<Map<String, Object>>)
            operations().get("GET " + path).getOrDefault("parameters", List.of());
    return parameters.stream()
        .filter(p -> name.equals(p.get("name")) && "query".equals(p.get("in")))
        .findFirst();
  }

  private static Object parameterType(String path, String name) {
    return operationParameter(path, name)
        .map(p -> resolve(schema(p)).get("type"))
        .orElseThrow(() -> new AssertionError(path + " has no query parameter " + name));
  }
}
