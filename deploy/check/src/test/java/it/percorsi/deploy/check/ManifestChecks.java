package it.percorsi.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules across objects that no schema can express: every port a probe, a Service, an Ingress, a
 * ServiceMonitor or a scrape annotation names exists on the pods; every environment variable a
 * service reads is set (or has a safe default); the connection pools fit PostgreSQL's
 * max_connections at the HPA maximum; the Kafka ACLs are exactly what each service consumes and
 * produces; Keycloak is public only for the percorsi realm, never with the demo realm; the realm
 * has the client the Swagger UI logs in with. Every message names the object (and the container and
 * variable where there is one).
 */
final class ManifestChecks {

  /** Modules whose every setting must be explicit in a cluster (nothing left to defaults). */
  static final Set<String> ALL_EXPLICIT = Set.of("gateway");

  /** Paths of Keycloak that may be public: the percorsi realm and the login pages' resources. */
  static final Set<String> KEYCLOAK_PUBLIC_PATHS = Set.of("/realms/percorsi", "/resources");

  /** Ingress class of the dev overlay: an internal-only controller (README). */
  static final String INTERNAL_INGRESS_CLASS = "percorsi-internal";

  /**
   * Connections kept free on every PostgreSQL cluster besides the applications' pools: the 3
   * superuser-reserved slots, the operator's and the exporter's, and an operator's psql session.
   */
  static final int RESERVED_CONNECTIONS = 10;

  private static final Pattern JDBC_HOST = Pattern.compile("jdbc:postgresql://([^:/?]+)");

  private final List<? extends JsonNode> objects;
  private final Path root;
  private final List<String> problems = new ArrayList<>();

  private ManifestChecks(List<? extends JsonNode> objects, Path root) {
    this.objects = objects;
    this.root = root;
  }

  static List<String> problems(List<? extends JsonNode> objects) {
    return problems(objects, Render.ROOT);
  }

  static List<String> problems(List<? extends JsonNode> objects, Path root) {
    ManifestChecks c = new ManifestChecks(objects, root);
    c.ports();
    c.environment();
    c.connections();
    c.acls();
    c.keycloakExposure();
    c.realm();
    return List.copyOf(new LinkedHashSet<>(c.problems)); // environment() runs for two rules
  }

  // --- ports --------------------------------------------------------------------------------

  private void ports() {
    for (JsonNode d : kind("Deployment")) {
      JsonNode pod = d.path("spec").path("template");
      Set<Integer> podNumbers = new TreeSet<>();
      for (JsonNode c : pod.path("spec").path("containers")) {
        Map<String, Integer> named = containerPorts(c);
        podNumbers.addAll(named.values());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
            JsonNode port = c.path(probe).path(handler).path("port");
            if (!port.isMissingNode() && !resolves(port, named)) {
              problems.add(
                  String.format(
                      "%s container %s: %s port %s is not a port of the container (ports: %s)",
                      Render.id(d), name(c), probe, port.asText(), describe(named)));
            }
          }
        }
      }
      JsonNode scrape = pod.path("metadata").path("annotations").path("prometheus.io/port");
      if (!scrape.isMissingNode() && !podNumbers.contains(toInt(scrape.asText()))) {
        problems.add(
            String.format(
                "%s: annotation prometheus.io/port %s is not a port of its containers (%s)",
                Render.id(d), scrape.asText(), podNumbers));
      }
    }
    for (JsonNode s : kind("Service")) {
      JsonNode selector = s.path("spec").path("selector");
      if (selector.isEmpty()) {
        continue;
      }
      for (JsonNode d : kind("Deployment")) {
        if (!matches(selector, d.path("spec").path("template").path("metadata").path("labels"))) {
          continue;
        }
        Map<String, Integer> named = new LinkedHashMap<>();
        d.path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .forEach(c -> named.putAll(containerPorts(c)));
        for (JsonNode p : s.path("spec").path("ports")) {
          JsonNode target = p.has("targetPort") ? p.get("targetPort") : p.path("port");
          if (!resolves(target, named)) {
            problems.add(
                String.format(
                    "%s: port %s targets %s, not a port of %s (ports: %s)",
                    Render.id(s),
                    p.path("name").asText(p.path("port").asText()),
                    target.asText(),
                    Render.id(d),
                    describe(named)));
          }
        }
      }
    }
    for (JsonNode m : kind("ServiceMonitor")) {
      JsonNode selector = m.path("spec").path("selector").path("matchLabels");
      List<JsonNode> services =
          kind("Service").stream()
              .filter(s -> matches(selector, s.path("metadata").path("labels")))
              .toList();
      if (services.isEmpty()) {
        problems.add(Render.id(m) + ": selects no Service (" + selector + ")");
      }
      for (JsonNode e : m.path("spec").path("endpoints")) {
        for (JsonNode s : services) {
          Set<String> names = new TreeSet<>();
          s.path("spec").path("ports").forEach(p -> names.add(p.path("name").asText()));
          if (e.has("port") && !names.contains(e.path("port").asText())) {
            problems.add(
                String.format(
                    "%s: endpoint port %s is not a port name of %s (%s)",
                    Render.id(m), e.path("port").asText(), Render.id(s), names));
          }
        }
      }
    }
    for (JsonNode i : kind("Ingress")) {
      for (JsonNode rule : i.path("spec").path("rules")) {
        for (JsonNode path : rule.path("http").path("paths")) {
          JsonNode backend = path.path("backend").path("service");
          JsonNode s = object("Service", backend.path("name").asText());
          if (s == null) {
            continue; // created by an operator (Keycloak)
          }
          Set<String> ports = new TreeSet<>();
          s.path("spec")
              .path("ports")
              .forEach(
                  p -> {
                    ports.add(p.path("name").asText());
                    ports.add(p.path("port").asText());
                  });
          JsonNode port = backend.path("port");
          String wanted =
              port.has("name") ? port.path("name").asText() : port.path("number").asText();
          if (!ports.contains(wanted)) {
            problems.add(
                String.format(
                    "%s: path %s routes to port %s of %s, which has ports %s",
                    Render.id(i), path.path("path").asText(), wanted, Render.id(s), ports));
          }
        }
      }
    }
  }

  private static Map<String, Integer> containerPorts(JsonNode c) {
    Map<String, Integer> named = new LinkedHashMap<>();
    for (JsonNode p : c.path("ports")) {
      named.put(
          p.path("name").asText(String.valueOf(p.path("containerPort").asInt())),
          p.path("containerPort").asInt());
    }
    return named;
  }

  private static boolean resolves(JsonNode port, Map<String, Integer> named) {
    if (port.isInt() || port.asText().matches("\\d+")) {
      return named.containsValue(toInt(port.asText()));
    }
    return named.containsKey(port.asText());
  }

  private static String describe(Map<String, Integer> named) {
    return named.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  // --- environment --------------------------------------------------------------------------

  /** The environment of a container: name to literal value, or null for a value from a Secret. */
  private Map<String, String> environment(JsonNode owner, JsonNode c) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : c.path("envFrom")) {
      if (from.has("configMapRef")) {
        String name = from.path("configMapRef").path("name").asText();
        JsonNode cm = object("ConfigMap", name);
        if (cm == null) {
          problems.add(
              String.format(
                  "%s container %s: envFrom ConfigMap %s is not among the manifests",
                  Render.id(owner), name(c), name));
          continue;
        }
        cm.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
      }
    }
    for (JsonNode e : c.path("env")) {
      String name = e.path("name").asText();
      JsonNode from = e.path("valueFrom");
      if (from.has("configMapKeyRef")) {
        JsonNode ref = from.path("configMapKeyRef");
        JsonNode cm = object("ConfigMap", ref.path("name").asText());
        JsonNode value = cm == null ? null : cm.path("data").get(ref.path("key").asText());
        if (value == null) {
          problems.add(
              String.format(
                  "%s container %s: variable %s refers to key %s of ConfigMap %s, which is missing",
                  Render.id(owner),
                  name(c),
                  name,
                  ref.path("key").asText(),
                  ref.path("name").asText()));
        }
        env.put(name, value == null ? null : value.asText());
      } else if (e.has("value")) {
        env.put(name, e.path("value").asText());
      } else {
        env.put(name, null);
      }
    }
    return env;
  }

  private void environment() {
    for (JsonNode d : kind("Deployment")) {
      for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
        Map<String, String> env = environment(d, c);
        env.forEach(
            (name, value) -> {
              if (value != null && (value.contains("127.0.0.1") || value.contains("localhost"))) {
                problems.add(
                    String.format(
                        "%s container %s: variable %s=%s points at the pod itself",
                        Render.id(d), name(c), name, value));
              }
            });
        ServiceConfig config = ServiceConfig.of(root, name(c));
        if (config == null) {
          continue;
        }
        for (ServiceConfig.Variable v : config.variables().values()) {
          String reason = v.unsafeDefault();
          if (reason == null && ALL_EXPLICIT.contains(config.module)) {
            reason = "every setting of " + config.module + " is explicit in a cluster";
          }
          if (reason != null && !env.containsKey(v.name())) {
            problems.add(
                String.format(
                    "%s container %s: environment variable %s is not set (read in %s; %s)",
                    Render.id(d), name(c), v.name(), v.file(), reason));
          }
        }
      }
    }
  }

  // --- PostgreSQL connections ---------------------------------------------------------------

  private void connections() {
    for (JsonNode d : kind("Deployment")) {
      for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
        Map<String, String> env = environment(d, c);
        String url = env.get("DB_URL");
        if (url == null) {
          continue;
        }
        Matcher m = JDBC_HOST.matcher(url);
        if (!m.find()) {
          problems.add(Render.id(d) + " container " + name(c) + ": DB_URL " + url + " has no host");
          continue;
        }
        String cluster = m.group(1).replaceAll("-(rw|ro|r)$", "");
        JsonNode db = object("Cluster", cluster);
        if (db == null) {
          problems.add(
              String.format(
                  "%s container %s: DB_URL names host %s, but there is no CloudNativePG Cluster %s",
                  Render.id(d), name(c), m.group(1), cluster));
          continue;
        }
        ServiceConfig config = ServiceConfig.of(root, name(c));
        String poolDefault =
            config == null
                ? null
                : config
                    .variables()
                    .getOrDefault(
                        "DB_POOL_MAX", new ServiceConfig.Variable("DB_POOL_MAX", null, ""))
                    .defaultValue();
        String poolValue = env.getOrDefault("DB_POOL_MAX", poolDefault);
        if (poolValue == null) {
          problems.add(
              Render.id(d)
                  + " container "
                  + name(c)
                  + ": DB_POOL_MAX is not set and has no default");
          continue;
        }
        int pool = toInt(poolValue);
        int maxReplicas = maxReplicas(d);
        int surge = surge(d, maxReplicas);
        int max = maxConnections(db);
        int need = (maxReplicas + surge) * pool + RESERVED_CONNECTIONS;
        if (need > max) {
          problems.add(
              String.format(
                  "%s container %s: (HPA maximum %d + rolling-update surge %d) pods x DB_POOL_MAX %d"
                      + " + %d reserved = %d connections to %s, above its max_connections %d",
                  Render.id(d),
                  name(c),
                  maxReplicas,
                  surge,
                  pool,
                  RESERVED_CONNECTIONS,
                  need,
                  Render.id(db),
                  max));
        }
      }
    }
    for (JsonNode k : kind("Keycloak")) {
      JsonNode db =
          object(
              "Cluster",
              k.path("spec").path("db").path("host").asText().replaceAll("-(rw|ro|r)$", ""));
      if (db == null) {
        continue;
      }
      int instances = k.path("spec").path("instances").asInt(1);
      int pool = k.path("spec").path("db").path("poolMaxSize").asInt(100);
      // The operator replaces a StatefulSet pod at a time: no surge.
      int need = instances * pool + RESERVED_CONNECTIONS;
      if (need > maxConnections(db)) {
        problems.add(
            String.format(
                "%s: %d instances x db.poolMaxSize %d + %d reserved = %d connections to %s, above its"
                    + " max_connections %d",
                Render.id(k),
                instances,
                pool,
                RESERVED_CONNECTIONS,
                need,
                Render.id(db),
                maxConnections(db)));
      }
    }
  }

  private int maxReplicas(JsonNode d) {
    for (JsonNode h : kind("HorizontalPodAutoscaler")) {
      JsonNode ref = h.path("spec").path("scaleTargetRef");
      if (ref.path("kind").asText().equals("Deployment")
          && ref.path("name").asText().equals(d.path("metadata").path("name").asText())) {
        return h.path("spec").path("maxReplicas").asInt();
      }
    }
    return d.path("spec").path("replicas").asInt(1);
  }

  private static int surge(JsonNode d, int replicas) {
    JsonNode s = d.path("spec").path("strategy");
    if (s.path("type").asText("RollingUpdate").equals("Recreate")) {
      return 0;
    }
    String surge = s.path("rollingUpdate").path("maxSurge").asText("25%");
    if (surge.endsWith("%")) {
      return (int)
          Math.ceil(replicas * Integer.parseInt(surge.substring(0, surge.length() - 1)) / 100.0);
    }
    return Integer.parseInt(surge);
  }

  private static int maxConnections(JsonNode cluster) {
    return toInt(
        cluster
            .path("spec")
            .path("postgresql")
            .path("parameters")
            .path("max_connections")
            .asText("100"));
  }

  // --- Kafka ACLs ---------------------------------------------------------------------------

  private void acls() {
    Set<String> topics = new TreeSet<>();
    kind("KafkaTopic")
        .forEach(
            t ->
                topics.add(
                    t.path("spec")
                        .path("topicName")
                        .asText(t.path("metadata").path("name").asText())));
    for (JsonNode u : kind("KafkaUser")) {
      String user = u.path("metadata").path("name").asText();
      ServiceConfig config = ServiceConfig.of(root, user);
      if (config == null) {
        readOnly(u);
        continue;
      }
      Map<String, Set<String>> expected = new TreeMap<>();
      Map<String, String> why = new TreeMap<>();
      config
          .consumedTopics()
          .forEach(t -> grant(expected, why, "topic " + t, "consumes", "Read", "Describe"));
      config
          .deadLetterTopics()
          .forEach(t -> grant(expected, why, "topic " + t, "dead-letters to", "Write", "Describe"));
      config
          .producedTopics()
          .forEach(t -> grant(expected, why, "topic " + t, "produces", "Write", "Describe"));
      config.groups().forEach(g -> grant(expected, why, "group " + g, "consumes as", "Read"));
      for (String resource : expected.keySet()) {
        if (resource.startsWith("topic ") && !topics.contains(resource.substring(6))) {
          problems.add(
              String.format(
                  "%s: %s %s, which no KafkaTopic declares",
                  Render.id(u), why.get(resource), resource));
        }
      }
      Map<String, Set<String>> actual = new TreeMap<>();
      for (JsonNode acl : u.path("spec").path("authorization").path("acls")) {
        JsonNode r = acl.path("resource");
        String key = r.path("type").asText() + " " + r.path("name").asText();
        if (!r.path("patternType").asText("literal").equals("literal")) {
          problems.add(Render.id(u) + ": ACL on " + key + " is not literal; name each resource");
        }
        acl.path("operations")
            .forEach(op -> actual.computeIfAbsent(key, x -> new TreeSet<>()).add(op.asText()));
      }
      actual.forEach(
          (resource, ops) -> {
            Set<String> extra = new TreeSet<>(ops);
            extra.removeAll(expected.getOrDefault(resource, Set.of()));
            if (!extra.isEmpty()) {
              problems.add(
                  String.format(
                      "%s: grants %s on %s, which %s does not need (%s)",
                      Render.id(u),
                      extra,
                      resource,
                      user,
                      why.getOrDefault(resource, "it neither consumes nor produces it")));
            }
          });
      expected.forEach(
          (resource, ops) -> {
            Set<String> missing = new TreeSet<>(ops);
            missing.removeAll(actual.getOrDefault(resource, Set.of()));
            if (!missing.isEmpty()) {
              problems.add(
                  String.format(
                      "%s: lacks %s on %s, which %s %s",
                      Render.id(u), missing, resource, user, why.get(resource) + " it"));
            }
          });
    }
  }

  /**
   * A user that is not a service (an integrator) may only read the public event topics and use its
   * own consumer groups: no write, no dead-letter or sandbox topic.
   */
  private void readOnly(JsonNode u) {
    for (JsonNode acl : u.path("spec").path("authorization").path("acls")) {
      JsonNode r = acl.path("resource");
      String key = r.path("type").asText() + " " + r.path("name").asText();
      Set<String> ops = new TreeSet<>();
      acl.path("operations").forEach(op -> ops.add(op.asText()));
      ops.removeAll(Set.of("Read", "Describe"));
      if (!ops.isEmpty()) {
        problems.add(
            String.format(
                "%s: grants %s on %s to a user that is not a service (read-only)",
                Render.id(u), ops, key));
      }
      String name = r.path("name").asText();
      if (r.path("type").asText().equals("topic")
          && (name.endsWith(".dlq") || name.startsWith("percorsi.sandbox"))) {
        problems.add(Render.id(u) + ": grants access to internal topic " + name);
      }
      if (!r.path("type").asText().matches("topic|group")) {
        problems.add(Render.id(u) + ": grants access to " + key);
      }
    }
  }

  private static void grant(
      Map<String, Set<String>> expected,
      Map<String, String> why,
      String resource,
      String reason,
      String... ops) {
    expected.computeIfAbsent(resource, x -> new TreeSet<>()).addAll(List.of(ops));
    why.merge(resource, reason, (a, b) -> a.equals(b) ? a : a + " and " + b);
  }

  // --- Keycloak exposure and realm ----------------------------------------------------------

  private Set<String> keycloakServices() {
    return kind("Keycloak").stream()
        .map(k -> k.path("metadata").path("name").asText() + "-service")
        .collect(Collectors.toSet());
  }

  private boolean demoRealm() {
    for (JsonNode r : kind("KeycloakRealmImport")) {
      JsonNode realm = r.path("spec").path("realm");
      if (realm.path("users").size() > 0) {
        return true;
      }
      for (JsonNode client : realm.path("clients")) {
        if (client.hasNonNull("secret")) {
          return true;
        }
      }
    }
    return false;
  }

  private void keycloakExposure() {
    Set<String> keycloak = keycloakServices();
    boolean demo = demoRealm();
    for (JsonNode i : kind("Ingress")) {
      boolean routesToKeycloak = false;
      for (JsonNode rule : i.path("spec").path("rules")) {
        for (JsonNode path : rule.path("http").path("paths")) {
          if (!keycloak.contains(path.path("backend").path("service").path("name").asText())) {
            continue;
          }
          routesToKeycloak = true;
          String p = path.path("path").asText();
          if (!KEYCLOAK_PUBLIC_PATHS.contains(p)) {
            problems.add(
                String.format(
                    "%s: path %s exposes Keycloak beyond what logins need (allowed: %s)",
                    Render.id(i), p, new TreeSet<>(KEYCLOAK_PUBLIC_PATHS)));
          }
        }
      }
      if (routesToKeycloak
          && demo
          && !INTERNAL_INGRESS_CLASS.equals(i.path("spec").path("ingressClassName").asText())) {
        problems.add(
            String.format(
                "%s: the demo realm (demo users, public secrets) is imported, so Keycloak must not be"
                    + " public: set ingressClassName %s (internal-only controller)",
                Render.id(i), INTERNAL_INGRESS_CLASS));
      }
    }
  }

  private void realm() {
    List<JsonNode> imports = kind("KeycloakRealmImport");
    if (imports.isEmpty() && !kind("Keycloak").isEmpty()) {
      problems.add("no KeycloakRealmImport: the percorsi realm would not exist");
    }
    ServiceConfig gateway = ServiceConfig.of(root, "gateway");
    String swaggerClient =
        gateway == null
            ? null
            : gateway.files.values().stream()
                .map(p -> p.getProperty("quarkus.swagger-ui.oauth-client-id"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    String publicUrl = null;
    for (JsonNode cm : kind("ConfigMap")) {
      if (cm.path("data").has("PUBLIC_URL")) {
        publicUrl = cm.path("data").path("PUBLIC_URL").asText();
      }
    }
    for (JsonNode r : imports) {
      JsonNode realm = r.path("spec").path("realm");
      if (swaggerClient == null) {
        continue;
      }
      JsonNode client = null;
      for (JsonNode c : realm.path("clients")) {
        if (swaggerClient.equals(c.path("clientId").asText())) {
          client = c;
        }
      }
      if (client == null) {
        problems.add(
            String.format(
                "%s: realm %s has no client %s, the one the gateway's Swagger UI logs in with",
                Render.id(r), realm.path("realm").asText(), swaggerClient));
        continue;
      }
      if (!client.path("publicClient").asBoolean()
          || !client.path("standardFlowEnabled").asBoolean(true)) {
        problems.add(
            Render.id(r) + ": client " + swaggerClient + " must be public with the standard flow");
      }
      if (!"S256".equals(client.path("attributes").path("pkce.code.challenge.method").asText())) {
        problems.add(Render.id(r) + ": client " + swaggerClient + " must require PKCE (S256)");
      }
      if (publicUrl != null && !publicUrl.isBlank()) {
        String swaggerUi = publicUrl + "/swagger-ui/";
        boolean redirect = false;
        for (JsonNode u : client.path("redirectUris")) {
          redirect |= u.asText().startsWith(swaggerUi);
        }
        if (!redirect) {
          problems.add(
              String.format(
                  "%s: client %s has no redirect URI under %s (the gateway's PUBLIC_URL)",
                  Render.id(r), swaggerClient, swaggerUi));
        }
      }
      if (!demoRealm()) {
        if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
          problems.add(
              Render.id(r)
                  + ": client "
                  + swaggerClient
                  + " allows the password grant outside the demo realm");
        }
      }
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  private List<JsonNode> kind(String kind) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode o : objects) {
      if (kind.equals(o.path("kind").asText())) {
        found.add(o);
      }
    }
    return found;
  }

  private JsonNode object(String kind, String name) {
    for (JsonNode o : kind(kind)) {
      if (name.equals(o.path("metadata").path("name").asText())) {
        return o;
      }
    }
    return null;
  }

  private static boolean matches(JsonNode selector, JsonNode labels) {
    if (selector.isEmpty()) {
      return false;
    }
    var it = selector.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static String name(JsonNode c) {
    return c.path("name").asText();
  }

  private static int toInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
