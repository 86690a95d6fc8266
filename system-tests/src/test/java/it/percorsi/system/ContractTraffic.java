package it.percorsi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import it.percorsi.testkit.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * The system tests' traffic against the contract: every answer of an operation of the merged
 * OpenAPI ({@code docs/openapi.yaml}) that the tests receive through RestAssured is recorded as
 * (method, path template, status, problem type) and checked: the status must be one the operation
 * declares, and a problem's {@code type} one its response for that status declares (in its
 * examples). {@link ContractTrafficExtension} fails the test class whose traffic broke it; the
 * traffic of the run is written to {@code system-tests/target/contract-traffic.tsv}.
 */
public final class ContractTraffic {

  /** One answer as the contract sees it; {@code problemType} null when not a problem. */
  public record Exchange(String method, String template, int status, String problemType) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM = "application/problem+json";

  private final JsonNode document;
  private final List<Operation> operations = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final Set<Exchange> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private record Operation(String method, String template, Pattern pattern, int parameters) {}

  private static volatile ContractTraffic instance;

  ContractTraffic(JsonNode document) {
    this.document = document;
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            p -> {
              String template = p.getKey();
              String regex = "^" + template.replaceAll("\\{[^/}]+}", "[^/]+") + "/?$";
              int params = template.split("\\{", -1).length - 1;
              p.getValue()
                  .fieldNames()
                  .forEachRemaining(
                      m ->
                          operations.add(
                              new Operation(
                                  m.toUpperCase(), template, Pattern.compile(regex), params)));
            });
    operations.sort(Comparator.comparingInt(Operation::parameters));
  }

  /** The checker of the checked-in merged document, shared by the whole test run. */
  public static ContractTraffic get() {
    if (instance == null) {
      synchronized (ContractTraffic.class) {
        if (instance == null) {
          try {
            Path file = ProjectPaths.root().resolve("docs/openapi.yaml");
            if (Boolean.getBoolean("percorsi.contracts.update")) {
              // The run that writes docs/openapi.yaml again checks against what it will write.
              instance = new ContractTraffic(OpenApiSnapshotTest.live());
            } else if (Files.exists(file)) {
              instance =
                  new ContractTraffic(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
            } else {
              throw new IllegalStateException(
                  file + " is missing; write it with: " + OpenApiSnapshotTest.UPDATE);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return instance;
  }

  /** The RestAssured filter that records and checks every answer. */
  public Filter filter() {
    return new Recorder();
  }

  /** Violations recorded so far, oldest first; {@code drain} empties them. */
  public List<String> drainViolations() {
    List<String> all = new ArrayList<>();
    for (String v; (v = violations.poll()) != null; ) {
      all.add(v);
    }
    return all;
  }

  /** Every distinct exchange seen in this run. */
  public Set<Exchange> seen() {
    return seen;
  }

  /**
   * Checks one answer: the matching operation (null when the path is no operation of the contract:
   * a probe of an unknown route is not an operation's answer), recorded; a violation is returned
   * and kept.
   */
  public String check(String method, String path, int status, String contentType, String body) {
    Operation op = match(method, path);
    if (op == null) {
      return null;
    }
    String type = null;
    if (contentType != null && contentType.startsWith(PROBLEM) && body != null) {
      try {
        type = JSON.readTree(body).path("type").asText(null);
      } catch (IOException e) {
        type = "(not JSON)";
      }
    }
    Exchange exchange = new Exchange(op.method(), op.template(), status, type);
    seen.add(exchange);
    String violation = violation(exchange);
    if (violation != null) {
      violations.add(violation);
    }
    return violation;
  }

  String violation(Exchange e) {
    JsonNode responses =
        document.path("paths").path(e.template()).path(e.method().toLowerCase()).path("responses");
    JsonNode response = responses.get(String.valueOf(e.status()));
    if (response == null) {
      response = responses.get(e.status() / 100 + "XX");
    }
    if (response == null) {
      response = responses.get("default");
    }
    String name = e.method() + " " + e.template();
    if (response == null) {
      return name + " answered " + e.status() + ", which its OpenAPI does not declare";
    }
    if (e.problemType() == null) {
      return null;
    }
    Set<String> declared = problemTypes(resolve(response));
    if (!declared.contains(e.problemType())) {
      return name
          + " answered "
          + e.status()
          + " "
          + e.problemType()
          + ", a problem type its OpenAPI does not declare for "
          + e.status()
          + " (declared: "
          + declared
          + ")";
    }
    return null;
  }

  /** The problem types a response declares: the {@code type} of its problem examples. */
  static Set<String> problemTypes(JsonNode response) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode media = response.path("content").path(PROBLEM);
    if (media.has("example")) {
      types.add(media.path("example").path("type").asText());
    }
    media.path("examples").forEach(ex -> types.add(ex.path("value").path("type").asText()));
    return types;
  }

  private JsonNode resolve(JsonNode response) {
    JsonNode ref = response.get("$ref");
    return ref == null ? response : document.at(ref.asText().substring(1));
  }

  private Operation match(String method, String path) {
    for (Operation op : operations) {
      if (op.method().equals(method) && op.pattern().matcher(path).matches()) {
        return op;
      }
    }
    return null;
  }

  /** Writes the distinct exchanges of the run, sorted, for a person to read. */
  void writeReport(Path file) {
    Map<String, Exchange> sorted = new java.util.TreeMap<>();
    seen.forEach(
        e ->
            sorted.put(
                e.template() + " " + e.method() + " " + e.status() + " " + e.problemType(), e));
    List<String> lines = new ArrayList<>();
    lines.add("method\tpath\tstatus\tproblem type\tdeclared");
    sorted
        .values()
        .forEach(
            e ->
                lines.add(
                    String.join(
                        "\t",
                        e.method(),
                        e.template(),
                        String.valueOf(e.status()),
                        String.valueOf(e.problemType()),
                        violation(e) == null ? "yes" : "NO")));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Recorder implements Filter {
    @Override
    public Response filter(
        FilterableRequestSpecification request,
        FilterableResponseSpecification response,
        FilterContext ctx) {
      Response r = ctx.next(request, response);
      String path = URI.create(request.getURI()).getRawPath();
      check(request.getMethod(), path, r.statusCode(), r.contentType(), r.asString());
      return r;
    }
  }
}
