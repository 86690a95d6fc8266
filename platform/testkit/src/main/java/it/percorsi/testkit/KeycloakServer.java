package it.percorsi.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak (the distribution from Maven Central, run as a child process) with the project's
 * realms imported from {@code deploy/keycloak}. One per JVM, stopped when it exits.
 */
public final class KeycloakServer {

  public static final String VERSION = "26.5.6";
  public static final String REALM = "percorsi";

  private KeycloakServer() {}

  /** Base URL, e.g. {@code http://127.0.0.1:41234}, of the JVM's Keycloak, started on first use. */
  public static String baseUrl() {
    return JvmShared.computeIfAbsent("keycloak", KeycloakServer::startServer);
  }

  public static String realmUrl() {
    return realmUrl(REALM);
  }

  public static String realmUrl(String realm) {
    return baseUrl() + "/realms/" + realm;
  }

  private static String startServer() {
    try {
      Path home = unpack();
      Path data = home.resolve("data");
      deleteTree(data);
      Path imports = Files.createDirectories(data.resolve("import"));
      Path realms = ProjectPaths.root().resolve("deploy").resolve("keycloak");
      try (Stream<Path> files = Files.list(realms)) {
        for (Path f : files.filter(p -> p.getFileName().toString().startsWith("realm-")).toList()) {
          Files.copy(f, imports.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      int port = Ports.free();
      int management = Ports.free();
      Path log = home.resolve("keycloak-test.log");
      List<String> cmd = new ArrayList<>();
      cmd.add(home.resolve("bin").resolve("kc.sh").toString());
      cmd.add("start-dev");
      cmd.add("--http-host=127.0.0.1");
      cmd.add("--http-port=" + port);
      cmd.add("--http-management-port=" + management);
      cmd.add("--health-enabled=true");
      cmd.add("--import-realm");
      cmd.add("--cache=local");
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      long started = System.nanoTime();
      Process process = pb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
      String base = "http://127.0.0.1:" + port;
      awaitRealm(base, process, log);
      System.out.printf(
          "[testkit] Keycloak %s ready at %s in %d ms%n",
          VERSION, base, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return base;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Keycloak", e);
    }
  }

  private static void awaitRealm(String base, Process process, Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI wellKnown = URI.create(base + "/realms/" + REALM + "/.well-known/openid-configuration");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited at start; see " + log);
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    stop(process);
    throw new IllegalStateException("Keycloak not ready within 180 s; see " + log);
  }

  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  /** Unpacks the distribution once under {@code .run/test}; a file lock guards parallel runs. */
  private static Path unpack() throws IOException {
    Path runtime = Files.createDirectories(ProjectPaths.testRuntime());
    Path home = runtime.resolve("keycloak-" + VERSION);
    Path marker = home.resolve(".unpacked");
    try (FileChannel ch =
            FileChannel.open(
                runtime.resolve("keycloak.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      if (Files.exists(marker)) {
        return home;
      }
      Path zip =
          ProjectPaths.root()
              .resolve(".run")
              .resolve("dist")
              .resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
      if (!Files.exists(zip)) {
        throw new IllegalStateException(
            zip + " is missing: build the platform/testkit module first (it copies it)");
      }
      deleteTree(home);
      try (ZipFile z = new ZipFile(zip.toFile())) {
        String prefix = "keycloak-" + VERSION + "/";
        for (ZipEntry e : z.stream().toList()) {
          String name =
              e.getName().startsWith(prefix) ? e.getName().substring(prefix.length()) : e.getName();
          if (name.isEmpty()) {
            continue;
          }
          Path target = home.resolve(name).normalize();
          if (!target.startsWith(home)) {
            throw new IOException("bad zip entry " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            try (InputStream in = z.getInputStream(e)) {
              Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (name.endsWith(".sh")) {
              target.toFile().setExecutable(true);
            }
          }
        }
      }
      Files.createFile(marker);
      return home;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
