package it.percorsi.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one), running inside the test
 * JVM on loopback ports. It can be stopped and started again on the same ports and data, to test
 * what the services do while the bus is down.
 *
 * <p>Two client listeners: {@code PLAINTEXT} (anonymous, a super user: what most tests use) and
 * {@code SASL_PLAINTEXT} with SCRAM-SHA-512, where the {@code StandardAuthorizer} enforces ACLs on
 * the users a test creates ({@link Broker#scramUser}), as the Strimzi listeners of the overlays do.
 */
public final class KafkaServer {

  private final Path dataDir;
  private final Path configFile;
  private final int port;
  private final int saslPort;
  private final int controllerPort;
  private KafkaRaftServer server;

  private KafkaServer() throws IOException {
    this.port = Ports.free();
    this.saslPort = Ports.free();
    this.controllerPort = Ports.free();
    Files.createDirectories(ProjectPaths.testRuntime());
    this.dataDir = Files.createTempDirectory(ProjectPaths.testRuntime(), "kafka-");
    this.configFile = dataDir.resolve("server.properties");
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:"
            + port
            + ",SASL_PLAINTEXT://127.0.0.1:"
            + saslPort
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort);
    p.put(
        "advertised.listeners",
        "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    p.put(
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    // ACLs apply to the SASL users; the plaintext and controller listeners stay anonymous supers.
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("super.users", "User:ANONYMOUS");
    p.put("log.dirs", dataDir.resolve("logs").toString());
    p.put("num.partitions", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    p.put("log.flush.interval.messages", "1000000");
    try (var out = Files.newOutputStream(configFile)) {
      p.store(out, "percorsi test broker");
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int rc =
        StorageTool.execute(
            new String[] {
              "format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()
            },
            new PrintStream(log, true, StandardCharsets.UTF_8));
    if (rc != 0) {
      throw new IllegalStateException("kafka storage format failed: " + log);
    }
  }

  /** Control of the broker through JMX, reachable from any class loader of the JVM. */
  public interface ControlMBean {
    String getBootstrapServers();

    String getSaslBootstrapServers();

    boolean isRunning();

    void start();

    void stop();
  }

  private static final String MBEAN = "it.percorsi.testkit:type=KafkaBroker";

  /** The broker of this JVM, started on first use. */
  public static Broker get() {
    JvmShared.computeIfAbsent(
        "kafka",
        () -> {
          long begun = System.nanoTime();
          KafkaServer server;
          try {
            server = new KafkaServer();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          server.start();
          System.out.printf(
              "[testkit] Kafka ready at %s in %d ms%n",
              server.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun));
          Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
          try {
            ManagementFactory.getPlatformMBeanServer()
                .registerMBean(
                    new StandardMBean(
                        new ControlMBean() {
                          @Override
                          public String getBootstrapServers() {
                            return server.bootstrapServers();
                          }

                          @Override
                          public String getSaslBootstrapServers() {
                            return server.saslBootstrapServers();
                          }

                          @Override
                          public boolean isRunning() {
                            return server.running();
                          }

                          @Override
                          public void start() {
                            server.start();
                          }

                          @Override
                          public void stop() {
                            server.stop();
                          }
                        },
                        ControlMBean.class),
                    new ObjectName(MBEAN));
          } catch (Exception e) {
            throw new IllegalStateException("cannot register the broker control", e);
          }
          return server.bootstrapServers();
        });
    return new Broker();
  }

  /** Handle on the JVM's broker. */
  public static final class Broker {

    private Broker() {}

    private static Object call(String operation) {
      try {
        return ManagementFactory.getPlatformMBeanServer()
            .invoke(new ObjectName(MBEAN), operation, new Object[0], new String[0]);
      } catch (Exception e) {
        throw new IllegalStateException("broker " + operation + " failed", e);
      }
    }

    private static Object attribute(String name) {
      try {
        return ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(MBEAN), name);
      } catch (Exception e) {
        throw new IllegalStateException("broker attribute " + name + " unavailable", e);
      }
    }

    public String bootstrapServers() {
      return (String) attribute("BootstrapServers");
    }

    /** The SCRAM-SHA-512 listener, where ACLs apply (see {@link #scramUser}). */
    public String saslBootstrapServers() {
      return (String) attribute("SaslBootstrapServers");
    }

    /**
     * Creates (or updates) a SCRAM-SHA-512 user for the SASL listener, and returns the JAAS line
     * its clients log in with. The user may do nothing until a test grants it ACLs ({@link
     * #admin()}{@code .createAcls}).
     */
    public String scramUser(String user, String password) {
      try (Admin admin = admin()) {
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                        password)))
            .all()
            .get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("cannot create the SCRAM user " + user, e);
      }
      return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
          + user
          + "\" password=\""
          + password
          + "\";";
    }

    /** Starts the broker again on the same ports and data; waits until it serves. */
    public void start() {
      call("start");
    }

    /** Stops the broker: clients see the bus as down. */
    public void stop() {
      call("stop");
    }

    public boolean running() {
      return (Boolean) attribute("Running");
    }

    public Admin admin() {
      return KafkaServer.admin(bootstrapServers());
    }

    /** Creates each topic (3 partitions) and its {@code .dlq} twin (1 partition) if missing. */
    public void createTopics(Collection<String> topics) {
      KafkaServer.createTopics(bootstrapServers(), topics);
    }
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  String saslBootstrapServers() {
    return "127.0.0.1:" + saslPort;
  }

  synchronized boolean running() {
    return server != null;
  }

  synchronized void start() {
    if (server != null) {
      return;
    }
    Properties p = new Properties();
    try (var in = Files.newInputStream(configFile)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(p), Time.SYSTEM);
    s.startup();
    server = s;
    awaitReady();
  }

  synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try (Admin admin = admin(bootstrapServers())) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        last = e;
      }
    }
    throw new IllegalStateException("kafka broker did not become ready", last);
  }

  static Admin admin(String bootstrapServers) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
  }

  static void createTopics(String bootstrapServers, Collection<String> topics) {
    List<NewTopic> wanted = new ArrayList<>();
    for (String t : topics) {
      wanted.add(new NewTopic(t, 3, (short) 1));
      wanted.add(new NewTopic(t + ".dlq", 1, (short) 1));
    }
    try (Admin admin = admin(bootstrapServers)) {
      Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
      List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topics " + topics, e);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics " + topics, e);
    }
  }
}
