package it.percorsi.deploy.check;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service reads, taken from its sources: the configuration files it is built with (its
 * application.properties and the META-INF/microprofile-config.properties of the platform modules it
 * depends on), the environment variables those files reference, the Kafka topics it consumes and
 * dead-letters, and the topics it produces (its event types' {@code TOPIC} constants).
 */
final class ServiceConfig {

  /** An environment variable the service reads; {@code defaultValue} null when it has none. */
  record Variable(String name, String defaultValue, String file) {

    /**
     * Why the default must not be relied on in a cluster, or null when it may. No default, an empty
     * one, a loopback address, a development credential, or plain-text logs.
     */
    String unsafeDefault() {
      if (defaultValue == null) {
        return "no default";
      }
      if (defaultValue.startsWith("${")) {
        return null; // derived from another property
      }
      if (defaultValue.isBlank()) {
        return "empty default";
      }
      if (defaultValue.contains("127.0.0.1") || defaultValue.contains("localhost")) {
        return "default " + defaultValue + " is a loopback address";
      }
      if (name.matches(".*(PASSWORD|SECRET|_USER|JAAS).*")) {
        return "default is a development credential";
      }
      if (name.equals("LOG_JSON")) {
        return "default " + defaultValue + " (JSON logs are the cluster's format)";
      }
      return null;
    }
  }

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
  private static final Pattern TOPIC_CONSTANT =
      Pattern.compile("String\\s+TOPIC\\s*=\\s*\"([a-z0-9.\\-_]+)\"");

  private static final Map<String, String> PLATFORM_MODULES =
      Map.of(
          "percorsi-platform", "platform/runtime",
          "percorsi-participant-projection", "platform/participant-projection",
          "percorsi-dote-projection", "platform/dote-projection");

  final String module;
  final List<Path> sourceRoots = new ArrayList<>();
  final Map<Path, Properties> files = new LinkedHashMap<>();

  private ServiceConfig(String module) {
    this.module = module;
  }

  /** The configuration of the module named like the Deployment, or null for a module-less one. */
  static ServiceConfig of(Path root, String module) {
    Path dir = root.resolve(module);
    Path pom = dir.resolve("pom.xml");
    Path props = dir.resolve("src/main/resources/application.properties");
    if (!Files.isRegularFile(pom) || !Files.isRegularFile(props)) {
      return null;
    }
    ServiceConfig config = new ServiceConfig(module);
    try {
      String pomText = Files.readString(pom);
      for (Map.Entry<String, String> e : PLATFORM_MODULES.entrySet()) {
        if (pomText.contains("<artifactId>" + e.getKey() + "</artifactId>")) {
          Path platform = root.resolve(e.getValue());
          config.load(
              platform.resolve("src/main/resources/META-INF/microprofile-config.properties"));
          if (e.getKey().equals("percorsi-platform")) {
            config.sourceRoots.add(platform.resolve("src/main/java")); // the sandbox topic
          }
        }
      }
      config.load(props);
      config.sourceRoots.add(dir.resolve("src/main/java"));
    } catch (IOException e) {
      throw new AssertionError("cannot read the configuration of " + module, e);
    }
    return config;
  }

  private void load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    files.put(file, p);
  }

  /** Every environment variable referenced outside the dev and test profiles, by name. */
  Map<String, Variable> variables() {
    Map<String, Variable> vars = new LinkedHashMap<>();
    files.forEach(
        (file, p) ->
            p.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("%") || k.startsWith("%prod."))
                .sorted()
                .forEach(
                    k -> {
                      Matcher m = VARIABLE.matcher(p.getProperty(k));
                      while (m.find()) {
                        vars.putIfAbsent(
                            m.group(1),
                            new Variable(
                                m.group(1), m.group(2), Render.ROOT.relativize(file).toString()));
                      }
                    }));
    return vars;
  }

  private Set<String> channelValues(String suffix, boolean deadLetter) {
    Set<String> topics = new TreeSet<>();
    files
        .values()
        .forEach(
            p ->
                p.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(suffix))
                    .filter(k -> k.contains(".dead-letter-queue.") == deadLetter)
                    .forEach(k -> topics.add(resolve(p.getProperty(k).trim()))));
    return topics;
  }

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([a-z][a-zA-Z0-9.\\-]*)}");

  /** Replaces references to other properties ({@code ${quarkus.application.name}}). */
  String resolve(String value) {
    Matcher m = PROPERTY.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = null;
      for (Properties p : files.values()) {
        v = p.getProperty(m.group(1), v);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : resolve(v)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Topics the service consumes (its incoming channels). */
  Set<String> consumedTopics() {
    return channelValues(".topic", false);
  }

  /** Dead-letter topics its incoming channels write failures to. */
  Set<String> deadLetterTopics() {
    return channelValues(".dead-letter-queue.topic", true);
  }

  /** Kafka consumer groups of its incoming channels. */
  Set<String> groups() {
    return channelValues(".group.id", false);
  }

  /** Topics it produces: the {@code TOPIC} constants of its event types and of the platform. */
  Set<String> producedTopics() {
    Set<String> topics = new TreeSet<>();
    for (Path src : sourceRoots) {
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(src)) {
        for (Path f : (Iterable<Path>) s.filter(x -> x.toString().endsWith(".java"))::iterator) {
          Matcher m = TOPIC_CONSTANT.matcher(Files.readString(f));
          while (m.find()) {
            topics.add(m.group(1));
          }
        }
      } catch (IOException e) {
        throw new AssertionError("cannot read " + src, e);
      }
    }
    return topics;
  }
}
