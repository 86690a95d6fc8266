package it.percorsi.platform.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import it.percorsi.platform.paging.Cursor;
import it.percorsi.platform.paging.Paging;
import it.percorsi.platform.problem.Problem;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error half of every service's OpenAPI, written once: one {@code Problem} schema (RFC 9457,
 * {@code application/problem+json}) and the problem responses every operation can give — 400 with
 * field errors, 401, 403, 404, 429 and 503 with {@code Retry-After}, 500 with a trace id — plus
 * those that follow from the operation's shape: 409 and 422 (domain refusals) on a write, 413 and
 * 415 on a body, 412 with {@code If-Match}. An operation declares anything more specific itself
 * (for example {@code @APIResponse(responseCode = "428", ref = "PreconditionRequired")}); what it
 * declares with content is never replaced. Also types the platform's paging parameters ({@code
 * limit} integer).
 *
 * <p>The problem types: every {@code percorsi.openapi.problems.<kind>=<status> <title>} of the
 * configuration (the platform's and the gateway's kinds in the platform's configuration, each
 * service's own in its {@code application.properties}) is an example, named by its kind, of the
 * problem response of its status on every operation that documents that status: a client (and the
 * system tests' contract check) knows each {@code type} an operation may answer.
 *
 * <p>Registered for every service by {@code mp.openapi.filter} in the platform's configuration.
 */
public class ProblemResponses implements OASFilter {

  public static final String PROBLEM = "Problem";
  private static final String RETRY_AFTER = "Retry-After";
  private static final String REF = "#/components/responses/";

  /** Status → component name, description, example kind; in the order they are documented. */
  private record Kind(String status, String name, String description, String example) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("400", "BadRequest", "The request is not valid (field errors)", "validation"),
          new Kind("401", "Unauthorized", "No valid bearer token", "unauthorized"),
          new Kind("403", "Forbidden", "The caller's role may not do this", "forbidden"),
          new Kind("404", "NotFound", "No such resource, or not the caller's", "not-found"),
          new Kind("409", "Conflict", "Refused in the resource's current state", "conflict"),
          new Kind("412", "PreconditionFailed", "If-Match names another version", "stale-write"),
          new Kind("413", "PayloadTooLarge", "The request body is too large", "payload-too-large"),
          new Kind(
              "414",
              "UriTooLong",
              "The request line is longer than the gateway takes (4 KiB)",
              "uri-too-long"),
          new Kind(
              "415",
              "UnsupportedMediaType",
              "The request body is not application/json",
              "unsupported-media-type"),
          new Kind(
              "422",
              "UnprocessableContent",
              "Refused by a business rule, or an Idempotency-Key reused for another request",
              "unprocessable"),
          new Kind(
              "428",
              "PreconditionRequired",
              "If-Match is required (read the resource for its ETag)",
              "precondition-required"),
          new Kind(
              "429",
              "TooManyRequests",
              "Rate limit of the calling client exceeded; retry after Retry-After seconds",
              "rate-limited"),
          new Kind(
              "431",
              "RequestHeaderFieldsTooLarge",
              "The request headers are larger than the gateway takes (16 KiB)",
              "header-fields-too-large"),
          new Kind("500", "InternalError", "Unexpected error; quote the traceId", "internal"),
          new Kind(
              "503",
              "ServiceUnavailable",
              "A service needed is unavailable; retry after Retry-After seconds",
              "upstream-unavailable"),
          new Kind(
              "504",
              "GatewayTimeout",
              "A service did not answer in time; retry (a write may have happened: retry with the"
                  + " same Idempotency-Key)",
              "upstream-timeout"));

  private static final List<String> EVERY_OPERATION =
      List.of("400", "401", "403", "404", "414", "429", "431", "500", "503", "504");

  private static final String CATALOGUE = "percorsi.openapi.problems.";

  /** A problem type of the catalogue: kind, status and title. */
  private record Type(String kind, String status, String title) {}

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = createComponents();
      openAPI.setComponents(components);
    }
    components.addSchema("FieldError", fieldError());
    components.addSchema(PROBLEM, problem());
    components.addHeader(
        RETRY_AFTER,
        createHeader()
            .description("Seconds to wait before retrying")
            .schema(createSchema().addType(SchemaType.INTEGER).minimum(BigDecimal.ONE)));
    for (Kind kind : KINDS) {
      components.addResponse(kind.name(), response(kind, List.of()));
    }
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    Map<String, List<Type>> types = catalogue();
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      if (item.getOperations() == null) {
        continue;
      }
      item.getOperations().forEach((method, operation) -> document(method, operation, types));
    }
  }

  /** The catalogue of problem types in the configuration, by status, each list by kind. */
  static Map<String, List<Type>> catalogue() {
    Config config = ConfigProvider.getConfig();
    Map<String, List<Type>> byStatus = new java.util.TreeMap<>();
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    config
        .getPropertyNames()
        .forEach(
            n -> {
              if (n.startsWith(CATALOGUE)) {
                names.add(n);
              }
            });
    for (String name : names) {
      String value = config.getOptionalValue(name, String.class).orElse("").trim();
      int space = value.indexOf(' ');
      if (space != 3) {
        throw new IllegalStateException(name + " must be '<status> <title>': " + value);
      }
      String status = value.substring(0, 3);
      byStatus
          .computeIfAbsent(status, k -> new java.util.ArrayList<>())
          .add(new Type(name.substring(CATALOGUE.length()), status, value.substring(4).trim()));
    }
    return byStatus;
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    if (parameter.getIn() != Parameter.In.QUERY || parameter.getRef() != null) {
      return parameter;
    }
    if (Paging.LIMIT.equals(parameter.getName())) {
      // The services take it as a string to answer a field error; it is a whole number.
      Schema schema = parameter.getSchema() == null ? createSchema() : parameter.getSchema();
      schema.setType(List.of(SchemaType.INTEGER));
      if (schema.getMinimum() == null) {
        schema.minimum(BigDecimal.ONE);
      }
      parameter.schema(schema);
      if (parameter.getDescription() == null) {
        parameter.description("Page size; above the cap it is lowered to the cap");
      }
    } else if (Cursor.PARAM.equals(parameter.getName()) && parameter.getDescription() == null) {
      parameter.description("Opaque cursor of the next page, from a previous page's 'next'");
    }
    return parameter;
  }

  private static void document(
      PathItem.HttpMethod method, Operation operation, Map<String, List<Type>> types) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      return;
    }
    List<String> statuses = new java.util.ArrayList<>(EVERY_OPERATION);
    if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
      statuses.add("409");
      statuses.add("422");
    }
    if (operation.getRequestBody() != null) {
      statuses.add("413");
      statuses.add("415");
    }
    if (operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(
                p ->
                    p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
      statuses.add("412");
    }
    Map<String, APIResponse> added = new LinkedHashMap<>();
    for (Kind kind : KINDS) {
      if (statuses.contains(kind.status()) && !declared(responses.getAPIResponse(kind.status()))) {
        List<Type> specific = types.getOrDefault(kind.status(), List.of());
        added.put(
            kind.status(),
            specific.isEmpty()
                ? createAPIResponse().ref(REF + kind.name())
                : response(kind, specific));
      }
    }
    added.forEach(responses::addAPIResponse);
  }

  /**
   * Whether an operation declares this response itself. The bare "Bad Request" the scanner adds for
   * a validated body (no content) is not a declaration: the problem response replaces it.
   */
  private static boolean declared(APIResponse response) {
    return response != null
        && (response.getRef() != null
            || response.getContent() != null
                && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty());
  }

  /**
   * The problem response of a kind: the shared component (no types: one example), or an operation's
   * own with every type of the catalogue of that status as a named example.
   */
  private static APIResponse response(Kind kind, List<Type> types) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", Problem.BASE + kind.example());
    example.put("title", kind.description());
    example.put("status", Integer.valueOf(kind.status()));
    if ("400".equals(kind.status())) {
      example.put("detail", "limit: must be a whole number");
      // Ordered, so that the committed snapshot does not change from one build to the next.
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("field", "limit");
      error.put("message", "must be a whole number");
      example.put("errors", List.of(error));
    } else if ("500".equals(kind.status())) {
      example.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    }
    org.eclipse.microprofile.openapi.models.media.MediaType media =
        createMediaType().schema(createSchema().ref("#/components/schemas/" + PROBLEM));
    if (types.isEmpty()) {
      media.example(example);
    } else {
      for (Type type : types) {
        Map<String, Object> value = example;
        if (!type.kind().equals(kind.example())) {
          value = new LinkedHashMap<>();
          value.put("type", Problem.BASE + type.kind());
          value.put("title", type.title());
          value.put("status", Integer.valueOf(type.status()));
        }
        media.addExample(
            type.kind(), OASFactory.createExample().summary(type.title()).value(value));
      }
    }
    APIResponse response =
        createAPIResponse()
            .description(kind.description())
            .content(createContent().addMediaType(Problem.MEDIA_TYPE, media));
    if ("429".equals(kind.status()) || "503".equals(kind.status())) {
      response.addHeader(RETRY_AFTER, createHeader().ref("#/components/headers/" + RETRY_AFTER));
    }
    return response;
  }

  private static Schema problem() {
    return createSchema()
        .addType(SchemaType.OBJECT)
        .description(
            "RFC 9457 problem details. 'type' is stable per kind of error"
                + " (https://percorsi.it/problems/<kind>); a kind may add members of its own.")
        .required(List.of("type", "title", "status"))
        .addProperty(
            "type",
            createSchema()
                .addType(SchemaType.STRING)
                .format("uri")
                .examples(List.<Object>of(Problem.BASE + "quota-exhausted")))
        .addProperty("title", createSchema().addType(SchemaType.STRING))
        .addProperty(
            "status",
            createSchema()
                .addType(SchemaType.INTEGER)
                .minimum(BigDecimal.valueOf(400))
                .maximum(BigDecimal.valueOf(599)))
        .addProperty("detail", createSchema().addType(SchemaType.STRING))
        .addProperty("instance", createSchema().addType(SchemaType.STRING).format("uri"))
        .addProperty(
            "errors",
            createSchema()
                .addType(SchemaType.ARRAY)
                .description("Field-level errors of a 400")
                .items(createSchema().ref("#/components/schemas/FieldError")))
        .addProperty(
            "traceId",
            createSchema()
                .addType(SchemaType.STRING)
                .description("Of a 500: quote it when reporting the error"))
        .additionalPropertiesBoolean(Boolean.TRUE);
  }

  private static Schema fieldError() {
    return createSchema()
        .addType(SchemaType.OBJECT)
        .required(List.of("field", "message"))
        .addProperty(
            "field",
            createSchema().addType(SchemaType.STRING).description("Field, parameter or header"))
        .addProperty("message", createSchema().addType(SchemaType.STRING));
  }
}
