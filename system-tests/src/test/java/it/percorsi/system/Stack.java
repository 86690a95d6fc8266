package it.percorsi.system;

import it.percorsi.testkit.KafkaServer;
import it.percorsi.testkit.KeycloakServer;
import it.percorsi.testkit.Ports;
import it.percorsi.testkit.PostgresServer;
import it.percorsi.testkit.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The whole platform for system tests: real PostgreSQL, Kafka and Keycloak started by the test kit,
 * and the six services, the gateway and the web console started from their packaged jars as
 * separate processes, exactly as they run in production: each service on the bus's SASL/SCRAM
 * listener with its own principal and ACLs, every one exporting its spans over OTLP to a collector
 * in this JVM. Started once per test JVM.
 */
public final class Stack {

  public static final List<String> TOPICS =
      List.of(
          "percorsi.participants.v1",
          "percorsi.dotes.v1",
          "percorsi.plans.v1",
          "percorsi.placements.v1");

  /**
   * webhook-service's own topic (an endpoint disabled): not among the integrators' topics, its
   * events reach the owner's other webhook endpoints.
   */
  public static final String WEBHOOKS_TOPIC = "percorsi.webhooks.v1";

  /**
   * A running service: its HTTP base URL, its database (null for the gateway), the process, its
   * log, and when it was started (nanoTime) and found healthy (ms after start).
   */
  public record Service(
      String name,
      String url,
      String database,
      Process process,
      Path log,
      long startedNanos,
      long readyAfterMillis) {

    Service ready(long millis) {
      return new Service(name, url, database, process, log, startedNanos, millis);
    }
  }

  /** The gateway's rate limit per client in system tests: above what tests send one by one. */
  public static final int GATEWAY_BURST = 400;

  public static final int GATEWAY_PER_SECOND = 200;

  /**
   * The topics each service consumes (besides the sandbox clock's, which every service reads and
   * writes): its Kafka principal may read these and write their dead-letter twins, nothing else.
   */
  static final Map<String, List<String>> CONSUMES =
      Map.of(
          "participant-service", List.of(),
          "dote-service",
              List.of("percorsi.participants.v1", "percorsi.plans.v1", "percorsi.placements.v1"),
          "plan-service", List.of("percorsi.participants.v1", "percorsi.dotes.v1"),
          "placement-service", List.of("percorsi.participants.v1", "percorsi.dotes.v1"),
          // Every event topic (its fan-out), and its own (an endpoint disabled, for the owner's
          // other endpoints).
          "webhook-service",
              List.of(
                  "percorsi.participants.v1",
                  "percorsi.dotes.v1",
                  "percorsi.plans.v1",
                  "percorsi.placements.v1",
                  WEBHOOKS_TOPIC));

  /** The one topic each service publishes its own events on, through its outbox. */
  static final Map<String, String> PUBLISHES =
      Map.of(
          "participant-service", "percorsi.participants.v1",
          "dote-service", "percorsi.dotes.v1",
          "plan-service", "percorsi.plans.v1",
          "placement-service", "percorsi.placements.v1",
          "webhook-service", WEBHOOKS_TOPIC);

  /**
   * Consumer groups a service has besides the one named after it (deploy/k8s's KafkaUsers):
   * webhook-service's fan-out reads every topic with a group of its own.
   */
  static final Map<String, List<String>> MORE_GROUPS =
      Map.of("webhook-service", List.of("webhook-service-fanout"));

  private static final String JVM_FOR_TESTS =
      "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=128m";

  private static Stack instance;

  private final Map<String, Service> services = new LinkedHashMap<>();
  private static final Map<String, Map<String, String>> ENVIRONMENTS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final KafkaServer.Broker kafka;
  private final Map<String, String> gatewayEnv = new LinkedHashMap<>();
  private final Path logs;
  private final String gatewayManagement;
  private final OtlpReceiver traces;

  private Stack() {
    long t0 = System.nanoTime();
    // Keycloak, a child process, boots while PostgreSQL and Kafka start here.
    CompletableFuture<String> keycloakStart =
        CompletableFuture.supplyAsync(KeycloakServer::realmUrl);
    kafka = KafkaServer.get();
    kafka.createTopics(TOPICS);
    // Platform plumbing, not part of the integrators' contract: the sandbox clock's topic.
    kafka.createTopics(List.of("percorsi.sandbox.v1"));
    kafka.createTopics(List.of(WEBHOOKS_TOPIC));
    PostgresServer.port();
    String keycloak = keycloakStart.join();
    try {
      logs = Files.createDirectories(ProjectPaths.testRuntime().resolve("system-logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> common = new LinkedHashMap<>();
    // Spans go to a collector in this JVM, every request sampled, batches sent quickly. The
    // benchmark may turn tracing off (-Dpercorsi.system.tracing=false) to measure without it.
    traces =
        Boolean.parseBoolean(System.getProperty("percorsi.system.tracing", "true"))
            ? new OtlpReceiver()
            : null;
    if (traces != null) {
      common.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
      common.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
      common.put("OTEL_TRACES_SAMPLER_ARG", "1.0");
      common.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }
    common.put("OIDC_URL", keycloak);
    common.put("DB_USER", PostgresServer.USER);
    common.put("DB_PASSWORD", PostgresServer.PASSWORD);
    common.put("HTTP_HOST", "127.0.0.1");
    // The platform under test is a sandbox: tests move its business date (last, or reading it).
    common.put("SANDBOX_MODE", "true");
    List<Service> started = new ArrayList<>();
    // placement-service starts after dote-service, which reads hosts' accounts from it.
    int placementPort = Ports.free();
    for (String name : List.of("participant", "dote", "plan", "placement", "webhook")) {
      String db = "system_" + name;
      Map<String, String> env = new LinkedHashMap<>(common);
      // The bus as in production: SASL/SCRAM, one principal per service, ACLs.
      env.putAll(kafkaClient(name + "-service"));
      env.put("DB_URL", durable(PostgresServer.freshDatabase(db), db));
      if (!started.isEmpty()) {
        // dote-service's one synchronous call: participant-service's eligibility check.
        env.put("PARTICIPANT_URL", started.get(0).url());
      }
      if (name.equals("dote")) {
        // The payees' accounts of a SEPA batch: participants' and hosts'.
        env.put("PLACEMENT_URL", "http://127.0.0.1:" + placementPort);
      }
      if (name.equals("placement")) {
        env.put("QUARKUS_HTTP_PORT", String.valueOf(placementPort));
      }
      if (name.equals("webhook")) {
        // Signing secrets sealed at rest with a key of this run.
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        env.put("WEBHOOK_SECRETS_KEY", java.util.Base64.getEncoder().encodeToString(key));
      }
      started.add(start(name + "-service", env, db, logs));
    }
    gatewayEnv.putAll(common);
    gatewayEnv.put("PARTICIPANT_URL", started.get(0).url());
    gatewayEnv.put("DOTE_URL", started.get(1).url());
    gatewayEnv.put("PLAN_URL", started.get(2).url());
    gatewayEnv.put("PLACEMENT_URL", started.get(3).url());
    gatewayEnv.put("WEBHOOK_URL", started.get(4).url());
    gatewayEnv.put("MANAGEMENT_HOST", "127.0.0.1");
    gatewayEnv.put("RATE_LIMIT_BURST", String.valueOf(GATEWAY_BURST));
    gatewayEnv.put("RATE_LIMIT_PER_SECOND", String.valueOf(GATEWAY_PER_SECOND));
    // The web console, behind the gateway at /console; it calls the API back through the gateway.
    int consolePort = Ports.free();
    gatewayEnv.put("CONSOLE_URL", "http://127.0.0.1:" + consolePort);
    int management = Ports.free();
    gatewayManagement = "http://127.0.0.1:" + management;
    Map<String, String> gw = new LinkedHashMap<>(gatewayEnv);
    gw.put("MANAGEMENT_PORT", String.valueOf(management));
    Service gateway = start("gateway", gw, null, logs);
    started.add(gateway);
    Map<String, String> consoleEnv = new LinkedHashMap<>(common);
    consoleEnv.put("QUARKUS_HTTP_PORT", String.valueOf(consolePort));
    consoleEnv.put("GATEWAY_URL", gateway.url());
    started.add(start("console", consoleEnv, null, logs));
    for (Service s : started) {
      awaitHealthy(s, health(s));
      services.put(
          s.name(), s.ready(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s.startedNanos())));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopServices));
    System.out.printf(
        "[system] platform up in %d ms: %s%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), services.keySet());
  }

  public static synchronized Stack get() {
    if (instance == null) {
      instance = new Stack();
    }
    return instance;
  }

  public String gateway() {
    return services.get("gateway").url();
  }

  /** The gateway's management interface (health, metrics): never reachable on its public port. */
  public String gatewayManagement() {
    return gatewayManagement;
  }

  /**
   * Starts one more gateway in front of the same services, with some settings changed (for
   * benchmarks: token checks off, another rate limit), healthy on return; the caller stops it.
   *
   * @return the gateway; its management interface is on {@code managementPort}
   */
  public Service startGateway(String name, Map<String, String> overrides, int managementPort) {
    Map<String, String> env = new LinkedHashMap<>(gatewayEnv);
    env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    env.putAll(overrides);
    Service gateway = start("gateway", env, null, logs, name);
    awaitHealthy(gateway, "http://127.0.0.1:" + managementPort + "/q/health/ready");
    return gateway;
  }

  /**
   * Stops a service (SIGTERM, then SIGKILL after 10 s) and starts it again on the same port with
   * the same environment and database; healthy on return.
   */
  public synchronized Service restart(String name) {
    return restart(name, false);
  }

  /**
   * Kills a service with SIGKILL (no shutdown of any kind) and starts it again on the same port
   * with the same environment and database; healthy on return.
   */
  public synchronized Service crashAndRestart(String name) {
    return restart(name, true);
  }

  private Service restart(String name, boolean kill) {
    Service old = services.get(name);
    if (kill) {
      old.process().destroyForcibly();
    } else {
      old.process().destroy();
    }
    try {
      if (!old.process().waitFor(10, TimeUnit.SECONDS)) {
        old.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Service s = start(name, ENVIRONMENTS.get(name), old.database(), logs, name + "-restarted");
    awaitHealthy(s, s.url() + "/q/health/ready");
    Service ready = s.ready(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s.startedNanos()));
    services.put(
        name,
        new Service(
            name,
            ready.url(),
            ready.database(),
            ready.process(),
            ready.log(),
            ready.startedNanos(),
            ready.readyAfterMillis()));
    return services.get(name);
  }

  /**
   * The test server runs with {@code synchronous_commit=off} for speed; the platform's databases
   * get production's {@code on}, so that a commit acknowledged before a crash of the server
   * (ChaosTest kills the postmaster) survives it, as it must.
   */
  private static String durable(String url, String database) {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                PostgresServer.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
        java.sql.Statement st = c.createStatement()) {
      st.execute("ALTER DATABASE \"" + database + "\" SET synchronous_commit = on");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot configure " + database, e);
    }
    return url;
  }

  private String health(Service s) {
    return switch (s.name()) {
      case "gateway" -> gatewayManagement + "/q/health/ready";
      case "console" -> s.url() + "/console/q/health/ready";
      default -> s.url() + "/q/health/ready";
    };
  }

  /** Waits until every running part answers ready (after a fault in a shared dependency). */
  public void awaitAllHealthy() {
    for (Service s : List.copyOf(services.values())) {
      awaitHealthy(s, health(s));
    }
  }

  public Service service(String name) {
    return services.get(name);
  }

  public java.util.Collection<Service> services() {
    return services.values();
  }

  public KafkaServer.Broker kafka() {
    return kafka;
  }

  /** The spans the services exported (empty when tracing is off). */
  public List<OtlpReceiver.ExportedSpan> spans() {
    return traces == null ? List.of() : traces.spans();
  }

  /** Exports the collector could not decode (expected none). */
  public List<String> traceExportErrors() {
    return traces == null ? List.of() : traces.errors();
  }

  /**
   * Creates the service's SCRAM-SHA-512 principal with the ACLs of {@code deploy/k8s}'s KafkaUsers
   * (write its own topic, read what it consumes, write those topics' dead-letter twins, its
   * consumer group) and returns the environment its Kafka clients log in with: the relay and every
   * consumer.
   */
  private Map<String, String> kafkaClient(String service) {
    String password = java.util.UUID.randomUUID().toString();
    String jaas = kafka.scramUser(service, password);
    String principal = "User:" + service;
    List<AclBinding> acls = new ArrayList<>();
    List<String> reads = new ArrayList<>(CONSUMES.get(service));
    reads.add("percorsi.sandbox.v1");
    for (String topic : reads) {
      acls.add(acl(ResourceType.TOPIC, topic, principal, AclOperation.READ));
      acls.add(acl(ResourceType.TOPIC, topic + ".dlq", principal, AclOperation.WRITE));
    }
    acls.add(acl(ResourceType.TOPIC, PUBLISHES.get(service), principal, AclOperation.WRITE));
    acls.add(acl(ResourceType.TOPIC, "percorsi.sandbox.v1", principal, AclOperation.WRITE));
    acls.add(acl(ResourceType.GROUP, service, principal, AclOperation.READ));
    for (String group : MORE_GROUPS.getOrDefault(service, List.of())) {
      acls.add(acl(ResourceType.GROUP, group, principal, AclOperation.READ));
    }
    try (Admin admin = kafka.admin()) {
      admin.createAcls(acls).all().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot grant the ACLs of " + service, e);
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP", kafka.saslBootstrapServers());
    env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
    env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
    env.put("KAFKA_SASL_JAAS_CONFIG", jaas);
    KAFKA_LOGINS.put(service, jaas);
    return env;
  }

  private static final Map<String, String> KAFKA_LOGINS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The JAAS line a service's Kafka clients log in with on the SASL listener. */
  public String kafkaLogin(String service) {
    return KAFKA_LOGINS.get(service);
  }

  private static AclBinding acl(
      ResourceType type, String name, String principal, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
  }

  public String jdbcUrl(String database) {
    return PostgresServer.jdbcUrl(database);
  }

  /** A connection to one of the services' databases, for what a test checks there. */
  public java.sql.Connection connect(String database) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
  }

  private static Service start(String module, Map<String, String> env, String db, Path logs) {
    return start(module, env, db, logs, module);
  }

  private static Service start(
      String module, Map<String, String> env, String db, Path logs, String name) {
    Path jar = ProjectPaths.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package the services first (mvnw verify)");
    }
    Map<String, String> all = new LinkedHashMap<>(env);
    all.putIfAbsent("QUARKUS_HTTP_PORT", String.valueOf(Ports.free()));
    int port = Integer.parseInt(all.get("QUARKUS_HTTP_PORT"));
    if (name.equals("gateway")) {
      all.putIfAbsent("PUBLIC_URL", "http://127.0.0.1:" + port);
    }
    ENVIRONMENTS.put(name, all);
    Path log = logs.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small and quick to start for tests; a benchmark sets -Dpercorsi.system.jvm to run them as
    // in production (full JIT).
    command.addAll(List.of(System.getProperty("percorsi.system.jvm", JVM_FOR_TESTS).split(" ")));
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(all);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      long started = System.nanoTime();
      return new Service(name, "http://127.0.0.1:" + port, db, pb.start(), log, started, -1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + module, e);
    }
  }

  private static void awaitHealthy(Service s, String health) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!s.process().isAlive()) {
        throw new IllegalStateException(s.name() + " exited at start; see " + s.log());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    throw new IllegalStateException(s.name() + " not healthy within 120 s; see " + s.log());
  }

  private void stopServices() {
    for (Service s : services.values()) {
      s.process().destroy();
    }
    for (Service s : services.values()) {
      try {
        if (!s.process().waitFor(10, TimeUnit.SECONDS)) {
          s.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
