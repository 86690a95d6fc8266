package it.percorsi.system.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bad requests generated from an OpenAPI document, for every operation it declares: each request
 * body field given a wrong type, null, nothing, a number out of range, an impossible date, control
 * characters, a value past its length; bodies that are not JSON, not UTF-8, too deep, too large,
 * with a key twice or something after the value; wrong or missing Content-Type; hostile path
 * parameters; bad query filters, limits and cursors; oversized and malformed headers. Deterministic
 * for a seed.
 *
 * <p>Every case but the query ones on reads must be refused (a 4xx); none may ever answer a 5xx.
 */
public final class FuzzCases {

  /** One request to send and what it is. */
  public record Case(
      String operation,
      String kind,
      String method,
      byte[] target,
      Map<String, byte[]> headers,
      byte[] body,
      boolean mustRefuse) {

    public boolean writes() {
      return !method.equals("GET") && !method.equals("HEAD");
    }

    public String describe() {
      String t = new String(target, StandardCharsets.ISO_8859_1);
      return operation
          + " ["
          + kind
          + "] "
          + method
          + " "
          + (t.length() > 120 ? t.substring(0, 120) + "…" : t);
    }
  }

  /**
   * Kinds of case the HTTP decoder itself refuses (a raw control byte in the request line or a
   * header), before any handler: Vert.x answers a bare 400 and closes, and Quarkus offers no hook
   * to make it a problem (quarkusio/quarkus#55082). They must still be a 400 that changes nothing.
   */
  public static final String DECODER = "decoder:";

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Raw JSON tokens a mapper would not write: put in as a placeholder string, swapped after. */
  private static final String RAW = "\u0001RAW:";

  private static final List<String> HOSTILE_PATH_VALUES =
      List.of(
          "..",
          "..%2F..%2Fetc%2Fpasswd",
          "%2e%2e",
          "%2e%2e%2f",
          "abc",
          "-1",
          "0",
          "99999999999999999999",
          "%00",
          "%20",
          "'%20OR%201=1--",
          "x".repeat(300),
          "%C0%AE%C0%AE",
          "%FF%FE",
          "%E2%80%AE",
          "a;x=1",
          "a%2Fb",
          "a%5Cb",
          "%7B%7D",
          "00000000-0000-0000-0000-00000000000g");

  private final JsonNode doc;
  private final Random random;
  private final Function<String, String> idFor;

  /**
   * @param doc the OpenAPI document
   * @param seed the seed of every random choice
   * @param idFor a real value for a path template (e.g. {@code /api/dotes/{id}}) with its first
   *     parameter, or null when none is known
   */
  public FuzzCases(JsonNode doc, long seed, Function<String, String> idFor) {
    this.doc = doc;
    this.random = new Random(seed);
    this.idFor = idFor;
  }

  /** Every case for every operation, then random combinations until {@code atLeast}. */
  public List<Case> generate(int atLeast) {
    List<Case> cases = new ArrayList<>();
    List<Op> ops = operations();
    for (Op op : ops) {
      cases.addAll(forOperation(op));
    }
    // Property-style: random operations with two to four defects at once, until there are enough.
    while (cases.size() < atLeast) {
      Op op = ops.get(random.nextInt(ops.size()));
      if (op.method.equals("GET")) {
        cases.add(queryCase(op, "random-query", randomBadQuery(op)));
        continue;
      }
      if (op.body == null) {
        continue;
      }
      if (!(base(op.body, 0) instanceof ObjectNode body)) {
        continue;
      }
      List<Field> fields = fields(op.body, body);
      int defects = 2 + random.nextInt(3);
      List<String> kinds = new ArrayList<>();
      for (int i = 0; i < defects && !fields.isEmpty(); i++) {
        Field f = fields.get(random.nextInt(fields.size()));
        List<JsonNode> bad = badValues(f.schema, f.required);
        if (!bad.isEmpty()) {
          f.set(body, bad.get(random.nextInt(bad.size())));
          kinds.add(f.name);
        }
      }
      cases.add(bodyCase(op, "random:" + String.join("+", kinds), jsonBytes(body)));
    }
    return cases;
  }

  /** An operation of the document: method, path, parameters, request body schema (or null). */
  record Op(String method, String path, List<JsonNode> parameters, JsonNode body) {
    String name() {
      return method + " " + path;
    }
  }

  private List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> m = methods.next();
        if (!METHODS.contains(m.getKey())) {
          continue;
        }
        List<JsonNode> params = new ArrayList<>();
        p.getValue().path("parameters").forEach(x -> params.add(resolve(x)));
        m.getValue().path("parameters").forEach(x -> params.add(resolve(x)));
        JsonNode body =
            resolve(m.getValue().path("requestBody")).path("content").path("application/json");
        ops.add(
            new Op(
                m.getKey().toUpperCase(),
                p.getKey(),
                params,
                body.isMissingNode() ? null : resolve(body.path("schema"))));
      }
    }
    return ops;
  }

  /** Whether {@code value} matches the parameter's declared string pattern, bounds included. */
  static boolean declaredValid(JsonNode schema, String value) {
    if (!schema.has("pattern") || value.contains("%")) {
      return false;
    }
    int length = value.length();
    if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
      return false;
    }
    if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
      return false;
    }
    return java.util.regex.Pattern.compile(schema.path("pattern").asText())
        .matcher(value)
        .matches();
  }

  private List<Case> forOperation(Op op) {
    List<Case> cases = new ArrayList<>();
    // Path parameters: each hostile value in each position.
    List<JsonNode> pathParams =
        op.parameters.stream().filter(p -> "path".equals(p.path("in").asText())).toList();
    for (JsonNode param : pathParams) {
      JsonNode schema = resolve(param.path("schema"));
      for (String hostile : HOSTILE_PATH_VALUES) {
        if (declaredValid(schema, hostile)) {
          // The operation declares this value valid (an organisation id may be 20 digits): a
          // 2xx is the right answer, so it is no bad input.
          continue;
        }
        String target = pathWith(op, param.path("name").asText(), hostile);
        cases.add(
            new Case(
                op.name(),
                "path:" + param.path("name").asText(),
                op.method,
                target.getBytes(StandardCharsets.ISO_8859_1),
                writeHeaders(op),
                op.body == null ? null : jsonBytes(base(op.body, 0)),
                op.body != null || !op.method.equals("GET")));
      }
    }
    // Query parameters: bad values of each, one at a time.
    for (JsonNode param : op.parameters) {
      if (!"query".equals(param.path("in").asText()) || !op.method.equals("GET")) {
        continue;
      }
      String name = param.path("name").asText();
      for (String bad : badQueryValues(name, resolve(param.path("schema")))) {
        cases.add(queryCase(op, "query:" + name, Map.of(name, bad)));
      }
    }
    // A path with a NUL, a control character, invalid UTF-8; a request line of 12 KB.
    for (String raw : List.of("%00", "%0d%0aX-Injected:%201", "%FF", "\u0001")) {
      cases.add(
          new Case(
              op.name(),
              raw.length() == 1 ? DECODER + "request-line" : "request-line",
              op.method,
              (basePath(op) + raw).getBytes(StandardCharsets.ISO_8859_1),
              writeHeaders(op),
              op.body == null ? null : jsonBytes(base(op.body, 0)),
              true));
    }
    cases.add(
        new Case(
            op.name(),
            "uri-too-long",
            op.method,
            (basePath(op) + "?q=" + "a".repeat(12_000)).getBytes(StandardCharsets.US_ASCII),
            writeHeaders(op),
            op.body == null ? null : jsonBytes(base(op.body, 0)),
            true));
    // Headers past the limit, for reads and writes.
    Map<String, byte[]> big = new LinkedHashMap<>(writeHeaders(op));
    big.put("X-Fuzz", "a".repeat(24_000).getBytes(StandardCharsets.US_ASCII));
    cases.add(
        new Case(
            op.name(),
            "header-too-large",
            op.method,
            basePath(op).getBytes(StandardCharsets.US_ASCII),
            big,
            op.body == null ? null : jsonBytes(base(op.body, 0)),
            true));
    if (op.body == null) {
      return cases;
    }
    JsonNode baseBody = base(op.body, 0);
    // Every field: wrong type, null, missing, out of range, impossible date, control characters.
    for (Field f : baseBody.isObject() ? fields(op.body, baseBody) : List.<Field>of()) {
      for (JsonNode bad : badValues(f.schema, f.required)) {
        JsonNode copy = baseBody.deepCopy();
        f.set((ObjectNode) copy, bad);
        cases.add(bodyCase(op, "field:" + f.name, jsonBytes(copy)));
      }
      if (f.required) {
        JsonNode copy = baseBody.deepCopy();
        f.remove((ObjectNode) copy);
        cases.add(bodyCase(op, "missing:" + f.name, jsonBytes(copy)));
      }
    }
    // The body as a whole.
    String json = new String(jsonBytes(baseBody), StandardCharsets.UTF_8);
    ObjectNode unknown = baseBody.isObject() ? ((ObjectNode) baseBody.deepCopy()) : F.objectNode();
    unknown.put("fuzzUnknownField", "x");
    cases.add(bodyCase(op, "unknown-field", jsonBytes(unknown)));
    if (json.startsWith("{\"")) {
      String firstPair = json.substring(1, endOfFirstPair(json));
      cases.add(bodyCase(op, "duplicate-key", utf8("{" + firstPair + "," + json.substring(1))));
    }
    cases.add(bodyCase(op, "trailing-token", utf8(json + " x")));
    cases.add(bodyCase(op, "trailing-value", utf8(json + json)));
    cases.add(bodyCase(op, "truncated", utf8(json.substring(0, Math.max(1, json.length() / 2)))));
    cases.add(bodyCase(op, "empty", new byte[0]));
    for (String notObject : List.of("null", "[]", "\"x\"", "1", "true", "{}", "[{}]")) {
      cases.add(bodyCase(op, "not-an-object:" + notObject, utf8(notObject)));
    }
    cases.add(
        bodyCase(
            op, "deep-nesting", utf8("{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")));
    cases.add(
        bodyCase(
            op,
            "deep-object",
            utf8("{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001))));
    cases.add(bodyCase(op, "invalid-utf8", invalidUtf8(json)));
    cases.add(bodyCase(op, "utf16", json.getBytes(StandardCharsets.UTF_16)));
    cases.add(bodyCase(op, "too-large", utf8("{\"a\":\"" + "x".repeat(1_200_000) + "\"}")));
    // Content types.
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "",
            "application/json; charset=latin-7")) {
      Map<String, byte[]> h = new LinkedHashMap<>(writeHeaders(op));
      if (type.isEmpty()) {
        h.remove("Content-Type");
      } else {
        h.put("Content-Type", type.getBytes(StandardCharsets.US_ASCII));
      }
      cases.add(
          new Case(
              op.name(),
              "content-type:" + (type.isEmpty() ? "none" : type),
              op.method,
              basePath(op).getBytes(StandardCharsets.US_ASCII),
              h,
              utf8(json),
              true));
    }
    // Idempotency keys: empty, too long, not visible ASCII.
    if (op.method.equals("POST")) {
      for (byte[] key :
          List.of(
              new byte[0],
              "k".repeat(300).getBytes(StandardCharsets.US_ASCII),
              "é-key".getBytes(StandardCharsets.UTF_8),
              "a b".getBytes(StandardCharsets.US_ASCII),
              new byte[] {'a', 0x01, 'b'})) {
        Map<String, byte[]> h = new LinkedHashMap<>(writeHeaders(op));
        h.put("Idempotency-Key", key);
        cases.add(
            new Case(
                op.name(),
                key.length == 3 && key[1] == 0x01 ? DECODER + "idempotency-key" : "idempotency-key",
                op.method,
                basePath(op).getBytes(StandardCharsets.US_ASCII),
                h,
                utf8(json),
                true));
      }
    }
    return cases;
  }

  private Case bodyCase(Op op, String kind, byte[] body) {
    return new Case(
        op.name(),
        kind,
        op.method,
        basePath(op).getBytes(StandardCharsets.US_ASCII),
        writeHeaders(op),
        body,
        true);
  }

  private Case queryCase(Op op, String kind, Map<String, String> query) {
    StringBuilder target = new StringBuilder(basePath(op));
    char sep = '?';
    for (Map.Entry<String, String> q : query.entrySet()) {
      target.append(sep).append(q.getKey()).append('=').append(q.getValue());
      sep = '&';
    }
    return new Case(
        op.name(),
        kind,
        op.method,
        target.toString().getBytes(StandardCharsets.ISO_8859_1),
        writeHeaders(op),
        op.body == null ? null : jsonBytes(base(op.body, 0)),
        // A bad filter on a read may be refused or ignored (a 2xx); on a write it changes nothing
        // only if refused — writes carry the base body, which the checks of the body may refuse.
        false);
  }

  private Map<String, String> randomBadQuery(Op op) {
    Map<String, String> q = new LinkedHashMap<>();
    for (JsonNode param : op.parameters) {
      if ("query".equals(param.path("in").asText()) && random.nextBoolean()) {
        List<String> bad =
            badQueryValues(param.path("name").asText(), resolve(param.path("schema")));
        q.put(param.path("name").asText(), bad.get(random.nextInt(bad.size())));
      }
    }
    if (q.isEmpty()) {
      q.put("limit", "-" + random.nextInt(1000));
    }
    return q;
  }

  private static Map<String, byte[]> writeHeaders(Op op) {
    Map<String, byte[]> h = new LinkedHashMap<>();
    h.put("Accept", "application/json".getBytes(StandardCharsets.US_ASCII));
    if (op.body != null) {
      h.put("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
    }
    return h;
  }

  private String basePath(Op op) {
    String path = op.path;
    for (JsonNode p : op.parameters) {
      if ("path".equals(p.path("in").asText())) {
        path = path.replace("{" + p.path("name").asText() + "}", validPathValue(op, p));
      }
    }
    return path;
  }

  private String pathWith(Op op, String name, String value) {
    String path = op.path.replace("{" + name + "}", value);
    for (JsonNode p : op.parameters) {
      if ("path".equals(p.path("in").asText())) {
        path = path.replace("{" + p.path("name").asText() + "}", validPathValue(op, p));
      }
    }
    return path;
  }

  private String validPathValue(Op op, JsonNode param) {
    String known = idFor.apply(op.path.substring(0, op.path.indexOf('}') + 1));
    boolean first =
        op.path.indexOf("{" + param.path("name").asText() + "}") == op.path.indexOf('{');
    if (known != null && first) {
      return known;
    }
    JsonNode schema = resolve(param.path("schema"));
    JsonNode v = base(schema, 0);
    return v.isTextual() ? v.asText() : v.toString();
  }

  private List<String> badQueryValues(String name, JsonNode schema) {
    List<String> bad = new ArrayList<>(List.of("%00", "%FF", "a%0Ab", "x".repeat(3_000)));
    String type = type(schema);
    String format = schema.path("format").asText();
    if (type.equals("integer") || type.equals("number")) {
      bad.addAll(
          List.of("abc", "-1", "0", "1e3", "1.5", "99999999999999999999", "", "0x10", "NaN"));
    } else if (type.equals("boolean")) {
      bad.addAll(List.of("yes", "2", "", "TRUE1"));
    } else if (schema.has("enum")) {
      bad.addAll(List.of("FOO", "", "active", "%27"));
    } else if (format.equals("uuid")) {
      bad.addAll(List.of("abc", "", "00000000-0000-0000-0000-00000000000g"));
    } else if (format.equals("date")) {
      bad.addAll(
          List.of("2026-02-30", "0000-01-01", "10000-01-01", "-999999999-01-01", "2026-1-1"));
    } else if (format.equals("date-time")) {
      bad.addAll(List.of("2026-02-30T10:00:00Z", "+999999999-12-31T23:59:59Z", "yesterday"));
    }
    if (name.equals("cursor")) {
      bad.addAll(
          List.of(
              "!!!",
              "AAAA",
              b64("{\"a\":1}"),
              b64("garbage"),
              b64("{\"at\":\"+999999999-12-31T23:59:59Z\",\"id\":\"x\"}"),
              b64("-999999999-01-01T00:00:00Z|00000000-0000-0000-0000-000000000000"),
              "A".repeat(5_000)));
    }
    return bad;
  }

  private static String b64(String s) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A field of a body: top-level, or one level down in an object-valued field. */
  private final class Field {
    final String name;
    final String parent;
    final String key;
    final JsonNode schema;
    final boolean required;

    Field(String parent, String key, JsonNode schema, boolean required) {
      this.parent = parent;
      this.key = key;
      this.name = parent == null ? key : parent + "." + key;
      this.schema = schema;
      this.required = required;
    }

    void set(ObjectNode body, JsonNode value) {
      target(body).set(key, value);
    }

    void remove(ObjectNode body) {
      target(body).remove(key);
    }

    private ObjectNode target(ObjectNode body) {
      if (parent == null) {
        return body;
      }
      JsonNode p = body.get(parent);
      if (!(p instanceof ObjectNode)) {
        ObjectNode fresh = F.objectNode();
        body.set(parent, fresh);
        return fresh;
      }
      return (ObjectNode) p;
    }
  }

  private List<Field> fields(JsonNode schema, JsonNode base) {
    List<Field> fields = new ArrayList<>();
    JsonNode s = flatten(schema);
    Set<String> required = strings(s.path("required"));
    Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
    while (props.hasNext()) {
      Map.Entry<String, JsonNode> p = props.next();
      JsonNode ps = flatten(resolve(p.getValue()));
      fields.add(new Field(null, p.getKey(), ps, required.contains(p.getKey())));
      if ("object".equals(type(ps)) && base.path(p.getKey()).isObject()) {
        Set<String> inner = strings(ps.path("required"));
        Iterator<Map.Entry<String, JsonNode>> nested = ps.path("properties").fields();
        while (nested.hasNext()) {
          Map.Entry<String, JsonNode> n = nested.next();
          fields.add(
              new Field(
                  p.getKey(),
                  n.getKey(),
                  flatten(resolve(n.getValue())),
                  inner.contains(n.getKey())));
        }
      }
    }
    return fields;
  }

  /** Values a field of this schema must refuse. */
  private List<JsonNode> badValues(JsonNode schema, boolean required) {
    List<JsonNode> bad = new ArrayList<>();
    String type = type(schema);
    String format = schema.path("format").asText();
    if (required && !nullable(schema)) {
      bad.add(F.nullNode());
    }
    switch (type) {
      case "string" -> {
        bad.add(F.numberNode(123));
        bad.add(F.booleanNode(true));
        bad.add(F.objectNode());
        bad.add(F.arrayNode());
        bad.add(F.numberNode(1.5));
        if (format.equals("date") || format.equals("date-time")) {
          String t = format.equals("date") ? "" : "T10:00:00Z";
          for (String d :
              List.of(
                  "2026-02-30",
                  "0000-01-01",
                  "10000-01-01",
                  "-999999999-01-01",
                  "+999999999-12-31",
                  "2026-13-01",
                  "2026-1-1",
                  "")) {
            bad.add(F.textNode(d.isEmpty() ? d : d + t));
          }
          bad.add(F.numberNode(20260101));
        } else {
          bad.add(F.textNode("a\u0000b"));
          bad.add(F.textNode("a\u0007b"));
          bad.add(F.textNode("\u202Eabc"));
          bad.add(F.textNode(RAW + "SURROGATE"));
          if (schema.has("maxLength")) {
            bad.add(F.textNode("x".repeat(schema.path("maxLength").asInt() + 1)));
          }
          if (schema.has("enum") || format.equals("uuid")) {
            bad.add(F.textNode("fuzz: not valid!?"));
          }
          if (schema.has("pattern")) {
            violating(schema.path("pattern").asText()).ifPresent(v -> bad.add(F.textNode(v)));
          }
        }
      }
      case "integer", "number" -> {
        bad.add(F.textNode("12"));
        bad.add(F.booleanNode(true));
        bad.add(F.arrayNode());
        for (String raw :
            List.of("1e309", "-1e309", "12345678901234567890", "-12345678901234567890")) {
          bad.add(F.textNode(RAW + raw));
        }
        if (type.equals("integer")) {
          bad.add(F.numberNode(1.5));
        }
        if (schema.has("minimum")) {
          bad.add(F.numberNode(schema.path("minimum").asLong() - 1));
        }
        if (schema.has("maximum")) {
          bad.add(F.numberNode(schema.path("maximum").asLong() + 1));
        }
      }
      case "boolean" -> {
        bad.add(F.textNode("true"));
        bad.add(F.numberNode(1));
        bad.add(F.textNode("yes"));
      }
      case "array" -> {
        bad.add(F.textNode("x"));
        bad.add(F.objectNode());
        bad.add(F.numberNode(1));
        ArrayNode wrongItems = F.arrayNode();
        wrongItems.add(F.objectNode().put("fuzz", true));
        bad.add(wrongItems);
      }
      case "object" -> {
        bad.add(F.textNode("x"));
        bad.add(F.numberNode(1));
        bad.add(F.arrayNode());
      }
      default -> {
        // untyped: nothing typed to break
      }
    }
    return bad;
  }

  /** A value the pattern does not match, from a few unlikely candidates. */
  private static java.util.Optional<String> violating(String pattern) {
    java.util.regex.Pattern p;
    try {
      p = java.util.regex.Pattern.compile(pattern);
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
    for (String candidate :
        List.of("fuzz: not valid!?", "<script>", "", " ", "a\tb", "x".repeat(1_000), "é€")) {
      if (!p.matcher(candidate).find()) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }

  /** A plausible value for a schema: its example when it has one. */
  JsonNode base(JsonNode schema, int depth) {
    JsonNode s = flatten(resolve(schema));
    if (s.has("example")) {
      return s.get("example");
    }
    if (s.path("examples").isArray() && s.path("examples").size() > 0) {
      return s.path("examples").get(0);
    }
    if (s.has("default")) {
      return s.get("default");
    }
    if (s.has("enum")) {
      return s.path("enum").get(0);
    }
    switch (type(s)) {
      case "object" -> {
        ObjectNode o = F.objectNode();
        if (depth > 4) {
          return o;
        }
        Set<String> required = strings(s.path("required"));
        Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
        while (props.hasNext()) {
          Map.Entry<String, JsonNode> p = props.next();
          if (required.contains(p.getKey())) {
            o.set(p.getKey(), base(p.getValue(), depth + 1));
          }
        }
        return o;
      }
      case "array" -> {
        ArrayNode a = F.arrayNode();
        if (s.path("minItems").asInt() > 0 && depth <= 4) {
          a.add(base(s.path("items"), depth + 1));
        }
        return a;
      }
      case "integer" -> {
        return F.numberNode(s.has("minimum") ? Math.max(1, s.path("minimum").asLong()) : 1);
      }
      case "number" -> {
        return F.numberNode(s.has("minimum") ? Math.max(1, s.path("minimum").asDouble()) : 1.0);
      }
      case "boolean" -> {
        return F.booleanNode(true);
      }
      default -> {
        return switch (s.path("format").asText()) {
          case "date" -> F.textNode("2026-09-15");
          case "date-time" -> F.textNode("2026-09-15T10:00:00Z");
          case "uuid" -> F.textNode(new UUID(random.nextLong(), random.nextLong()).toString());
          case "email" -> F.textNode("fuzz@example.org");
          case "uri" -> F.textNode("https://example.org/x");
          default -> F.textNode("a".repeat(Math.max(1, s.path("minLength").asInt(1))));
        };
      }
    }
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 10 && n.has("$ref"); i++) {
      String ref = n.path("$ref").asText();
      if (!ref.startsWith("#/")) {
        return n;
      }
      n = doc.at(ref.substring(1));
    }
    return n;
  }

  /** allOf merged, the first non-null branch of anyOf/oneOf. */
  private JsonNode flatten(JsonNode schema) {
    JsonNode s = resolve(schema);
    if (s.has("allOf")) {
      ObjectNode merged = F.objectNode();
      ObjectNode props = F.objectNode();
      ArrayNode required = F.arrayNode();
      for (JsonNode part : s.path("allOf")) {
        JsonNode p = flatten(part);
        p.fields()
            .forEachRemaining(
                e -> {
                  if (!e.getKey().equals("properties") && !e.getKey().equals("required")) {
                    merged.set(e.getKey(), e.getValue());
                  }
                });
        props.setAll(
            (ObjectNode) (p.path("properties").isObject() ? p.path("properties") : F.objectNode()));
        p.path("required").forEach(required::add);
      }
      s.fields()
          .forEachRemaining(
              e -> {
                if (!e.getKey().equals("allOf")) {
                  merged.set(e.getKey(), e.getValue());
                }
              });
      if (props.size() > 0) {
        merged.set("properties", props);
        merged.set("required", required);
      }
      return merged;
    }
    for (String choice : List.of("anyOf", "oneOf")) {
      if (s.has(choice)) {
        for (JsonNode branch : s.path(choice)) {
          if (!"null".equals(resolve(branch).path("type").asText())) {
            return flatten(branch);
          }
        }
      }
    }
    return s;
  }

  private static String type(JsonNode schema) {
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (!x.asText().equals("null")) {
          return x.asText();
        }
      }
    }
    if (t.isTextual()) {
      return t.asText();
    }
    return schema.has("properties") ? "object" : "";
  }

  private static boolean nullable(JsonNode schema) {
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (x.asText().equals("null")) {
          return true;
        }
      }
    }
    return schema.path("nullable").asBoolean(false);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new java.util.HashSet<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static int endOfFirstPair(String json) {
    // {"key":value,...}: the first pair ends at the first top-level comma or the closing brace.
    int depth = 0;
    boolean inString = false;
    for (int i = 1; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return json.length() - 1;
  }

  static byte[] jsonBytes(JsonNode node) {
    try {
      String text = JSON.writeValueAsString(node);
      // Swap placeholders for raw tokens: "\u0001RAW:1e309" becomes 1e309.
      String marker = "\"\\u0001RAW:";
      int at;
      while ((at = text.indexOf(marker)) >= 0) {
        int end = text.indexOf('"', at + marker.length());
        String raw = text.substring(at + marker.length(), end);
        text =
            text.substring(0, at)
                + (raw.equals("SURROGATE") ? "\"\\ud800x\"" : raw)
                + text.substring(end + 1);
      }
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] invalidUtf8(String json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int quote = json.indexOf("\":\"");
    byte[] bytes = utf8(json);
    if (quote < 0) {
      out.writeBytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
      return out.toByteArray();
    }
    int at = utf8(json.substring(0, quote + 3)).length;
    out.write(bytes, 0, at);
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28});
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }
}
