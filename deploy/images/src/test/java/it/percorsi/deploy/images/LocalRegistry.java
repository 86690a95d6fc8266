package it.percorsi.deploy.images;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} (the CNCF Distribution registry, package docker-registry) as a
 * child process: plain HTTP on 127.0.0.1 and a free port, storage in a directory of its own, no
 * authentication. Never a registry of the machine: the package's own service is not used.
 */
final class LocalRegistry implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private final Process process;
  private final int port;
  private final Path log;

  private LocalRegistry(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a registry storing under {@code dir}; fails (never skips) when it is not installed. */
  static LocalRegistry start(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(
          BINARY
              + " is missing: the image test pushes to Debian's registry. Install it with"
              + " `apt-get install -y docker-registry` (.ci/run does).");
    }
    Files.createDirectories(dir);
    int port = freePort();
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        """
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        """
            .formatted(dir.resolve("storage"), port));
    Path log = dir.resolve("registry.log");
    ProcessBuilder pb =
        new ProcessBuilder(BINARY.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    // The registry reads REGISTRY_* variables as configuration: none may leak in.
    pb.environment().keySet().removeIf(k -> k.startsWith("REGISTRY_"));
    LocalRegistry registry = new LocalRegistry(pb.start(), port, log);
    try {
      registry.awaitReady();
    } catch (RuntimeException | Error | InterruptedException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** {@code localhost:<port>}: the registry part of an image reference. */
  String address() {
    return "localhost:" + port;
  }

  URI api(String path) {
    return URI.create("http://127.0.0.1:" + port + "/v2/" + path);
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "docker-registry exited with " + process.exitValue() + " at start:\n" + log());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(api("")).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("docker-registry did not answer /v2/ within 20 s:\n" + log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
