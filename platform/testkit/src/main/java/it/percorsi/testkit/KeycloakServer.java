package it.percorsi.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak (the distribution from Maven Central, run as a child process) with the project's
 * realms imported from {@code deploy/keycloak}. One per JVM, stopped when it exits.
 *
 * <p>Creating Keycloak's schema and importing the realms costs more than the rest of a start, so it
 * is done once per checkout and realm content: the first start imports into a fresh database, stops
 * and keeps that database as a template under {@code .run/test}; every start then boots a copy of
 * it, without import. The template's name carries a hash of the realm files, so an edited realm is
 * imported anew. Each JVM runs its copy in a home of its own, so test JVMs of a parallel build do
 * not share Keycloak's files.
 */
public final class KeycloakServer {

  public static final String VERSION = "26.5.6";
  public static final String REALM = "percorsi";

  /** Bump when what goes into a template changes, so old ones are not reused. */
  private static final int TEMPLATE_FORMAT = 1;

  private static final String TEMPLATE_PREFIX = "keycloak-template-";
  private static final Path TEMPLATE_DB = Path.of("h2", "keycloakdb.mv.db");

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
      long started = System.nanoTime();
      boolean imported = false;
      List<Path> realmFiles = realmFiles();
      Path template = templateFor(realmFiles);
      if (!Files.exists(template.resolve(TEMPLATE_DB))) {
        imported = createTemplate(home, realmFiles, template);
      }
      Path own = ownHome(home);
      Path data = own.resolve("data");
      Files.createDirectories(data.resolve("h2"));
      Files.copy(template.resolve(TEMPLATE_DB), data.resolve(TEMPLATE_DB));
      Running kc = launchReady(own, false);
      current = kc;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stop(current.process());
                    try {
                      deleteTree(own);
                    } catch (IOException e) {
                      // left for the next run's clean-up of homes whose JVM is gone
                    }
                  }));
      System.out.printf(
          "[testkit] Keycloak %s ready at %s in %d ms (%s)%n",
          VERSION,
          kc.base(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          imported
              ? "realms imported into a new template " + template.getFileName()
              : "database copied from template " + template.getFileName());
      return kc.base();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Keycloak", e);
    }
  }

  private record Running(String base, Process process, Path log, Path home, int management) {}

  private static volatile Running current;

  /**
   * Stops the JVM's Keycloak (its process and children), for fault-injection tests: tokens already
   * issued stay valid where keys are cached, new logins and key fetches fail.
   */
  public static synchronized void stop() {
    baseUrl();
    stop(current.process());
  }

  /**
   * Starts the JVM's Keycloak again after {@link #stop()}, on the same ports with the same data,
   * and waits for the realm.
   *
   * @return milliseconds until the realm answered
   */
  public static synchronized long start() {
    Running old = current;
    if (old.process().isAlive()) {
      return 0;
    }
    long begun = System.nanoTime();
    try {
      int port = Integer.parseInt(old.base().substring(old.base().lastIndexOf(':') + 1));
      Running kc = launch(old.home(), false, port, old.management());
      current = kc;
      awaitRealm(kc.base(), kc.process(), kc.log());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Keycloak again", e);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun);
  }

  /**
   * Starts {@code kc.sh start-dev} on free ports, with the files of {@code data/import} if asked.
   */
  /**
   * Launches Keycloak on free ports and waits for the realm. A port found free can be taken by
   * another process before Keycloak binds it (an outgoing connection's ephemeral port, a server
   * starting beside it): then Keycloak exits with "Address already in use" and is launched again on
   * other ports, at most three times.
   */
  private static Running launchReady(Path home, boolean importRealms) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Running kc = launch(home, importRealms);
      try {
        awaitRealm(kc.base(), kc.process(), kc.log());
        return kc;
      } catch (IllegalStateException e) {
        stop(kc.process());
        boolean portTaken =
            Files.exists(kc.log()) && Files.readString(kc.log()).contains("Address already in use");
        if (attempt >= 3 || !portTaken) {
          throw e;
        }
        System.out.printf(
            "[testkit] a port of Keycloak's was taken before it bound it; launching again%n");
      }
    }
  }

  private static Running launch(Path home, boolean importRealms) throws IOException {
    // A fresh start begins a fresh log; a restart (start()) appends to it.
    Files.deleteIfExists(home.resolve(importRealms ? "keycloak-import.log" : "keycloak-test.log"));
    return launch(home, importRealms, Ports.free(), Ports.free());
  }

  private static Running launch(Path home, boolean importRealms, int port, int management)
      throws IOException {
    Path log = home.resolve(importRealms ? "keycloak-import.log" : "keycloak-test.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin").resolve("kc.sh").toString());
    cmd.add("start-dev");
    cmd.add("--http-host=127.0.0.1");
    cmd.add("--http-port=" + port);
    cmd.add("--http-management-port=" + management);
    cmd.add("--health-enabled=true");
    if (importRealms) {
      cmd.add("--import-realm");
    }
    cmd.add("--cache=local");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    // A test Keycloak boots far more than it serves: C1 alone halves the CPU of a start.
    pb.environment()
        .put(
            "JAVA_OPTS_APPEND",
            System.getProperty("percorsi.keycloak.java-opts", "-XX:TieredStopAtLevel=1"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new Running("http://127.0.0.1:" + port, pb.start(), log, home, management);
  }

  /** The realm files of {@code deploy/keycloak}, in name order. */
  private static List<Path> realmFiles() throws IOException {
    Path realms = ProjectPaths.root().resolve("deploy").resolve("keycloak");
    try (Stream<Path> files = Files.list(realms)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("realm-"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  /**
   * Where the database template for these realm files lives: a folder named after a hash of the
   * Keycloak version and the files' names and contents, so an edited realm file is imported anew.
   */
  private static Path templateFor(List<Path> realmFiles) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    sha.update((TEMPLATE_FORMAT + "\0" + VERSION + "\0").getBytes(StandardCharsets.UTF_8));
    for (Path f : realmFiles) {
      sha.update((f.getFileName() + "\0").getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(f));
      sha.update((byte) 0);
    }
    String key = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    return ProjectPaths.testRuntime().resolve(TEMPLATE_PREFIX + VERSION + "-" + key);
  }

  /**
   * Imports the realms once into a fresh database, stops that Keycloak and keeps its database as
   * the template later starts copy. Built in a temporary folder and renamed into place atomically,
   * under the same file lock as the unpacking; older templates are deleted.
   *
   * @return false if another JVM made the template meanwhile
   */
  private static boolean createTemplate(Path home, List<Path> realmFiles, Path template)
      throws IOException {
    Path runtime = ProjectPaths.testRuntime();
    try (FileChannel ignored = lockCheckout()) {
      if (Files.exists(template.resolve(TEMPLATE_DB))) {
        return false;
      }
      Path data = home.resolve("data");
      deleteTree(data);
      Path imports = Files.createDirectories(data.resolve("import"));
      for (Path f : realmFiles) {
        Files.copy(f, imports.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      Running kc = launchReady(home, true);
      stop(kc.process());
      int exit = kc.process().exitValue();
      if (exit != 0 && exit != 143) {
        throw new IllegalStateException(
            "Keycloak exited with " + exit + " after the import; see " + kc.log());
      }
      // Under the lock nobody else is making one: older templates and left-over halves go.
      try (Stream<Path> old = Files.list(runtime)) {
        for (Path p :
            old.filter(p -> p.getFileName().toString().startsWith(TEMPLATE_PREFIX)).toList()) {
          deleteTree(p);
        }
      }
      Path tmp = runtime.resolve(template.getFileName() + ".tmp-" + ProcessHandle.current().pid());
      Files.createDirectories(tmp.resolve("h2"));
      Files.copy(data.resolve(TEMPLATE_DB), tmp.resolve(TEMPLATE_DB));
      Files.move(tmp, template, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  /**
   * Takes the checkout's Keycloak file lock (unpacking, template), so that test JVMs running at the
   * same time do not race; it is released when the returned channel is closed.
   */
  private static FileChannel lockCheckout() throws IOException {
    FileChannel ch =
        FileChannel.open(
            Files.createDirectories(ProjectPaths.testRuntime()).resolve("keycloak.lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    try {
      ch.lock();
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
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
      for (ProcessHandle child : children) {
        child.onExit().get(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // forced below
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  /** Unpacks the distribution once under {@code .run/test}; a file lock guards parallel runs. */
  private static Path unpack() throws IOException {
    Path runtime = Files.createDirectories(ProjectPaths.testRuntime());
    Path home = runtime.resolve("keycloak-" + VERSION);
    Path marker = home.resolve(".unpacked");
    try (FileChannel ignored = lockCheckout()) {
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

  private static final String OWN_HOME_PREFIX = "keycloak-jvm-";

  /**
   * This JVM's own Keycloak home: test JVMs of a parallel build ({@code mvnw -T 2}) each run a
   * Keycloak, and Keycloak writes its database, transaction log and temporary files under its home.
   * The distribution's files are hard links to the unpacked one (read only); {@code data}, {@code
   * conf} and the build output {@code lib/quarkus}, which Keycloak may write, are copies. Homes
   * left by JVMs that are gone are deleted first.
   */
  private static Path ownHome(Path shared) throws IOException {
    Path runtime = ProjectPaths.testRuntime();
    Path own = runtime.resolve(OWN_HOME_PREFIX + ProcessHandle.current().pid());
    try (FileChannel ignored = lockCheckout()) {
      try (Stream<Path> homes = Files.list(runtime)) {
        for (Path p :
            homes.filter(p -> p.getFileName().toString().startsWith(OWN_HOME_PREFIX)).toList()) {
          long pid = Long.parseLong(p.getFileName().toString().substring(OWN_HOME_PREFIX.length()));
          if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isEmpty()) {
            deleteTree(p);
          }
        }
      }
      try (Stream<Path> files = Files.walk(shared)) {
        for (Path src : files.toList()) {
          String rel = shared.relativize(src).toString().replace('\\', '/');
          if (rel.equals("data") || rel.startsWith("data/") || rel.endsWith(".log")) {
            continue;
          }
          Path target = own.resolve(shared.relativize(src));
          if (Files.isDirectory(src)) {
            Files.createDirectories(target);
          } else if (rel.startsWith("conf/") || rel.startsWith("lib/quarkus/")) {
            Files.copy(src, target, StandardCopyOption.COPY_ATTRIBUTES);
          } else {
            Files.createLink(target, src);
          }
        }
      }
    }
    return own;
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
