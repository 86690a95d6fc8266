package it.percorsi.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.system.fuzz.FuzzCases;
import it.percorsi.system.fuzz.FuzzCases.Case;
import it.percorsi.system.fuzz.RawHttp;
import it.percorsi.system.fuzz.RawHttp.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bad input and protocol abuse, generated from the merged OpenAPI so that every operation — present
 * and future — is covered: see {@link FuzzCases}. Through the gateway, with a token of a role the
 * operation allows, so that the request reaches the service's own checks. Passes when no answer is
 * a 5xx, every error is {@code application/problem+json} with a stable type and nothing leaked, and
 * no refused write changed a row in any service's database.
 *
 * <p>{@code -Dpercorsi.fuzz.cases=N} (default 5,000) and {@code -Dpercorsi.fuzz.seed=S} (default
 * 2026) for longer runs; the report prints the seed to reproduce a run.
 */
class BadInputFuzzTest {

  private static final int CASES = Integer.getInteger("percorsi.fuzz.cases", 5_000);
  private static final long SEED = Long.getLong("percorsi.fuzz.seed", 2026);
  private static final Pattern TYPE = Pattern.compile("https://percorsi\\.it/problems/[a-z0-9-]+");

  /** What {@link Problems} looks for, and the names of the frameworks and the JSON library. */
  private static final List<String> LEAKS =
      java.util.stream.Stream.concat(
              Problems.LEAKS.stream(),
              java.util.stream.Stream.of(
                  "com.fasterxml", "io.quarkus", "io.vertx", "jakarta.", "it.percorsi.", "ERROR:"))
          .toList();

  private static final List<SecurityMatrix.Principal> PREFERENCE =
      List.of(
          SecurityMatrix.Principal.AGENCY,
          SecurityMatrix.Principal.PROMOTER_A,
          SecurityMatrix.Principal.CPI_MESSINA,
          SecurityMatrix.Principal.HOST_ACME,
          SecurityMatrix.Principal.INTEGRATOR,
          SecurityMatrix.Principal.AUDITOR);

  private final ObjectMapper json = new ObjectMapper();
  private final java.util.concurrent.atomic.AtomicInteger decoderRefusals =
      new java.util.concurrent.atomic.AtomicInteger();

  private static boolean isProblem(Answer a) {
    String type = a.header("content-type");
    return type != null && type.startsWith("application/problem+json");
  }

  @Test
  void noInputReachesA5xxOrWritesARow() throws Exception {
    Stack stack = Stack.get();
    JsonNode doc = json.readTree(get(stack.gateway() + "/openapi", null));
    Map<String, String> ids = knownIds(stack, doc);
    List<Case> cases = new FuzzCases(doc, SEED, ids::get).generate(CASES);
    RawHttp http = new RawHttp(stack.gateway());
    Map<String, String> tokens = new HashMap<>();

    // Writes first, between two row counts of every service's database; then the reads.
    List<Case> writes = cases.stream().filter(Case::writes).toList();
    List<Case> reads = cases.stream().filter(c -> !c.writes()).toList();
    Map<String, Long> before = quietRowCounts(stack);
    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> types = new TreeMap<>();
    long t0 = System.nanoTime();
    for (Case c : writes) {
      check(c, send(http, c, tokens), failures, statuses, types);
    }
    Map<String, Long> after = quietRowCounts(stack);
    for (Case c : reads) {
      check(c, send(http, c, tokens), failures, statuses, types);
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

    Map<String, String> changed = new TreeMap<>();
    before.forEach(
        (table, n) -> {
          if (!n.equals(after.get(table))) {
            changed.put(table, n + " -> " + after.get(table));
          }
        });
    after.keySet().stream().filter(t -> !before.containsKey(t)).forEach(t -> changed.put(t, "new"));
    System.out.printf(
        "[fuzz] seed %d: %d cases (%d writes, %d reads) over %d operations in %d s;"
            + " statuses %s; problem types %s; %d bare 400s of the HTTP decoder (raw control"
            + " bytes); %d failures; tables changed by refused writes: %s%n",
        SEED,
        cases.size(),
        writes.size(),
        reads.size(),
        cases.stream().map(Case::operation).distinct().count(),
        seconds,
        statuses,
        types,
        decoderRefusals.get(),
        failures.size(),
        changed);
    java.nio.file.Path report = java.nio.file.Path.of("target", "fuzz-report.txt").toAbsolutePath();
    java.nio.file.Files.createDirectories(report.getParent());
    java.nio.file.Files.write(report, failures);
    failures.stream().limit(40).forEach(f -> System.out.println("[fuzz] FAIL " + f));
    System.out.println("[fuzz] every failure: " + report);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(CASES);
    assertThat(failures).as("fuzz failures (first 40 printed above)").isEmpty();
    assertThat(changed).as("rows written by refused requests").isEmpty();
  }

  @Test
  void aBodyTheServiceStopsReadingNeverCostsTheNextRequestA503() throws Exception {
    // Jackson stops at 1,000 levels of nesting and the service answers 400 with the rest of the
    // body unread; the next request forwarded on that upstream connection must not fail for it.
    RawHttp http = new RawHttp(Stack.get().gateway());
    Map<String, byte[]> headers = new LinkedHashMap<>();
    headers.put(
        "Authorization",
        ("Bearer " + SecurityMatrix.Principal.PROMOTER_A.token())
            .getBytes(StandardCharsets.US_ASCII));
    headers.put("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
    byte[] deep =
        ("{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001))
            .getBytes(StandardCharsets.UTF_8);
    byte[] plain = "{\"name\":1}".getBytes(StandardCharsets.UTF_8);
    Map<Integer, Integer> next = new TreeMap<>();
    for (int i = 0; i < 40; i++) {
      Answer first = http.send("POST", "/api/employers".getBytes(), headers, deep);
      assertThat(first.status()).as("too deep a body").isEqualTo(400);
      Answer second = http.send("POST", "/api/employers".getBytes(), headers, plain);
      next.merge(second.status(), 1, Integer::sum);
    }
    assertThat(next)
        .as("answers to the request after each too-deep body")
        .isEqualTo(Map.of(400, 40));
  }

  @Test
  void anIdempotencyKeyIsNeitherSharedAcrossOperationsNorAcrossOrganisations() throws Exception {
    Stack stack = Stack.get();
    String key = "fuzz-" + java.util.UUID.randomUUID();
    String taxCode = it.percorsi.testkit.Registrations.provisionalTaxCode();
    Map<String, Object> host =
        Map.of(
            "taxCode", taxCode,
            "name", "Fuzz Meccanica S.r.l.",
            "legalForm", "SRL",
            "nonProfit", false,
            "atecoCode", "25.62.00",
            "siteMunicipality", "083048",
            "employees", 12,
            "tutors", List.of(Map.of("fullName", "Anna Neri")),
            "hostOrgId", "HOST-ACME");
    io.restassured.response.Response first = post("promoter-a", key, "/api/employers", host);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    String id = first.path("id");
    Map<String, Long> before = quietRowCounts(stack);

    // The same key on another creation of the same service: refused, never the stored answer.
    io.restassured.response.Response other =
        post(
            "promoter-a",
            key,
            "/api/hires",
            Map.of(
                "participantId", java.util.UUID.randomUUID().toString(),
                "employerTaxCode", taxCode,
                "contractType", "A.02.00",
                "startDate", "2026-10-01",
                "endDate", "2027-03-31",
                "weeklyHours", 30,
                "atecoCode", "25.62.00"));
    Problems.assertProblem(other, 422, "the key of a host registration on a hire");
    assertThat(other.header("Idempotent-Replayed")).isNull();
    assertThat(other.asString()).doesNotContain(id);
    assertThat(quietRowCounts(stack)).as("rows after the refused reuse").isEqualTo(before);

    // The same key and body from another organisation: its own answer (the host is registered
    // already: a conflict), never promoter-a's stored 201.
    io.restassured.response.Response foreign = post("promoter-b", key, "/api/employers", host);
    assertThat(foreign.header("Idempotent-Replayed")).isNull();
    Problems.assertProblem(foreign, 409, "promoter-a's key and body sent by promoter-b");
    assertThat(foreign.jsonPath().getString("type")).endsWith("/duplicate-employer");
  }

  private static io.restassured.response.Response post(
      String principal, String key, String path, Map<String, Object> body) {
    return io.restassured.RestAssured.given()
        .baseUri(Stack.get().gateway())
        .auth()
        .oauth2(it.percorsi.testkit.Tokens.of(principal))
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .post(path);
  }

  private void check(
      Case c,
      Answer a,
      List<String> failures,
      Map<Integer, Integer> statuses,
      Map<String, Integer> types) {
    statuses.merge(a.status(), 1, Integer::sum);
    String what = c.describe() + " -> " + a.status();
    if (a.status() >= 500) {
      failures.add(what + " " + abbreviate(a.text()));
      return;
    }
    if (c.mustRefuse() && a.status() < 400) {
      failures.add(
          what
              + ": accepted "
              + abbreviate(c.body() == null ? "" : new String(c.body(), StandardCharsets.UTF_8)));
      return;
    }
    if (a.status() < 400) {
      return;
    }
    if (c.kind().startsWith(FuzzCases.DECODER)) {
      if (a.status() != 400 || (a.body().length > 0 && !isProblem(a))) {
        failures.add(what + ": the decoder's refusal is not a bare 400 " + abbreviate(a.text()));
      }
      decoderRefusals.incrementAndGet();
      return;
    }
    String type = a.header("content-type");
    if (type == null || !type.startsWith("application/problem+json")) {
      failures.add(what + ": content type " + type + " " + abbreviate(a.text()));
      return;
    }
    try {
      JsonNode problem = json.readTree(a.body());
      String t = problem.path("type").asText();
      if (!TYPE.matcher(t).matches()) {
        failures.add(what + ": problem type " + t);
      }
      if (problem.path("status").asInt() != a.status()) {
        failures.add(what + ": problem status " + problem.path("status"));
      }
      if (problem.path("title").asText().isBlank()) {
        failures.add(what + ": no title");
      }
      types.merge(t.substring(t.lastIndexOf('/') + 1), 1, Integer::sum);
    } catch (Exception e) {
      failures.add(what + ": not JSON " + abbreviate(a.text()));
      return;
    }
    for (String leak : LEAKS) {
      if (a.text().contains(leak)) {
        failures.add(what + ": leaks " + leak + " " + abbreviate(a.text()));
      }
    }
  }

  private Answer send(RawHttp http, Case c, Map<String, String> tokens) throws Exception {
    SecurityMatrix.Principal who = principal(c);
    Map<String, byte[]> headers = new LinkedHashMap<>();
    if (who != null) {
      String token = tokens.computeIfAbsent(who.login, k -> who.token());
      headers.put("Authorization", ("Bearer " + token).getBytes(StandardCharsets.US_ASCII));
    }
    headers.putAll(c.headers());
    for (int attempt = 0; ; attempt++) {
      Answer a = http.send(c.method(), c.target(), headers, c.body());
      if (a.status() != 429 || attempt == 20) {
        return a;
      }
      // The gateway's rate limit per client: wait as told, then send the same case again.
      String retry = a.header("retry-after");
      Stack.sleep(1000L * (retry == null ? 1 : Math.max(1, Long.parseLong(retry))));
    }
  }

  /** The first principal of a role the operation allows, from the security table. */
  private static SecurityMatrix.Principal principal(Case c) {
    for (SecurityMatrix.Operation op : SecurityMatrix.OPERATIONS) {
      if ((op.method() + " " + op.path()).equals(c.operation())) {
        for (SecurityMatrix.Principal p : PREFERENCE) {
          if (op.allows(p)) {
            return p;
          }
        }
      }
    }
    return SecurityMatrix.Principal.AGENCY;
  }

  /** A real record per collection, so that path cases reach past "not found". */
  private Map<String, String> knownIds(Stack stack, JsonNode doc) throws Exception {
    Map<String, String> ids = new HashMap<>();
    String agency = SecurityMatrix.Principal.AGENCY.token();
    var paths = doc.path("paths").fieldNames();
    while (paths.hasNext()) {
      String path = paths.next();
      int brace = path.indexOf('{');
      if (brace < 0) {
        continue;
      }
      String template = path.substring(0, path.indexOf('}') + 1);
      String collection = path.substring(0, brace - 1);
      if (ids.containsKey(template) || !doc.path("paths").path(collection).has("get")) {
        continue;
      }
      try {
        JsonNode page = json.readTree(get(stack.gateway() + collection + "?limit=1", agency));
        JsonNode items = page.isArray() ? page : page.path("items");
        if (items.size() > 0) {
          JsonNode first = items.get(0);
          JsonNode id = first.has("id") ? first.get("id") : first.get("code");
          if (id != null) {
            ids.put(template, id.asText());
          }
        }
      } catch (Exception e) {
        // no list, or not readable by the agency: random values then
      }
    }
    return ids;
  }

  /**
   * Rows per table of every service's database, read until two readings a second apart agree:
   * events of earlier tests may still be landing in the consumers' projections.
   */
  private static Map<String, Long> quietRowCounts(Stack stack) throws Exception {
    Map<String, Long> last = rowCounts(stack);
    for (int i = 0; i < 60; i++) {
      Stack.sleep(1_000);
      Map<String, Long> now = rowCounts(stack);
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("the databases never became quiet: " + last);
  }

  private static Map<String, Long> rowCounts(Stack stack) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    for (Stack.Service s : stack.services()) {
      if (s.database() == null) {
        continue;
      }
      try (Connection c = stack.connect(s.database());
          Statement st = c.createStatement()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs =
            st.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
        if (tables.isEmpty()) {
          continue;
        }
        String union =
            tables.stream()
                .map(t -> "SELECT '" + t + "', count(*) FROM \"" + t + "\"")
                .collect(Collectors.joining(" UNION ALL "));
        try (ResultSet rs = st.executeQuery(union)) {
          while (rs.next()) {
            counts.put(s.database() + "." + rs.getString(1), rs.getLong(2));
          }
        }
      }
    }
    return counts;
  }

  private static String get(String url, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r.body();
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }
}
