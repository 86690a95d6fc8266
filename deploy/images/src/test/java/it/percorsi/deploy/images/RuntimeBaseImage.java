package it.percorsi.deploy.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Java 17 runtime image built FROM scratch with jib-core, for registries that cannot reach the
 * production base ({@code registry.access.redhat.com/ubi9/openjdk-17-runtime}): one layer with a
 * runtime jlink'd from the build's own JDK at {@value #JAVA_HOME} (when the JDK has no jmods, its
 * own runtime directory instead), every shared library {@code ldd} says it loads, {@code /tmp}, and
 * {@code /etc/passwd}/{@code /etc/group} naming the non-root user 185 the services run as. {@code
 * java} is on the PATH, as on the production base, so the services' entrypoint is the same on both.
 *
 * <p>The jlink'd runtime is kept in {@code ~/.cache/percorsi/java-runtime/<java version>} (it takes
 * 15 s to make); every file has a fixed time, so the layer's digest repeats and Jib reuses it.
 */
final class RuntimeBaseImage {

  static final String JAVA_HOME = "/opt/java";
  static final String USER = "185:185";

  /**
   * What a Quarkus service on this platform loads: java.se without the client-side modules, the
   * JDK's crypto providers (TLS to Kafka and PostgreSQL, SCRAM), locale data (Italian formats), JMX
   * and JFR (metrics), DNS and zipfs.
   */
  static final List<String> MODULES =
      List.of(
          "java.base",
          "java.compiler",
          "java.desktop",
          "java.instrument",
          "java.logging",
          "java.management",
          "java.management.rmi",
          "java.naming",
          "java.net.http",
          "java.prefs",
          "java.rmi",
          "java.scripting",
          "java.security.jgss",
          "java.security.sasl",
          "java.sql",
          "java.transaction.xa",
          "java.xml",
          "java.xml.crypto",
          "jdk.crypto.cryptoki",
          "jdk.crypto.ec",
          "jdk.jfr",
          "jdk.localedata",
          "jdk.management",
          "jdk.naming.dns",
          "jdk.net",
          "jdk.security.auth",
          "jdk.security.jgss",
          "jdk.unsupported",
          "jdk.zipfs");

  /** Native code only a desktop loads (X11, sound, fonts): its libraries are left out. */
  private static final Pattern DESKTOP_ONLY =
      Pattern.compile("lib(awt_xawt|jawt|splashscreen|jsound|fontmanager|lcms|javajpeg)\\.so");

  private static final Pattern LDD_LINE =
      Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");

  private static final Instant FILE_TIME = FileEntriesLayer.DEFAULT_MODIFICATION_TIME;

  private RuntimeBaseImage() {}

  /** Builds the image and pushes it as {@code reference}; returns the pushed image. */
  static JibContainer push(String reference, Path work) throws Exception {
    Path runtime = runtime();
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("java-runtime");
    addTree(layer, runtime, AbsoluteUnixPath.get(JAVA_HOME));
    for (Path library : sharedLibraries(runtime)) {
      layer.addEntry(
          new FileEntry(
              library.toRealPath(),
              AbsoluteUnixPath.get(library.toString()),
              FilePermissions.fromOctalString("755"),
              FILE_TIME,
              "0:0"));
    }
    Path etc = Files.createDirectories(work.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/usr/sbin/nologin\n"
            + "percorsi:x:185:185:Percorsi service:/tmp:/usr/sbin/nologin\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\npercorsi:x:185:\n");
    for (String file : List.of("passwd", "group")) {
      layer.addEntry(
          new FileEntry(
              etc.resolve(file),
              AbsoluteUnixPath.get("/etc/" + file),
              FilePermissions.fromOctalString("644"),
              FILE_TIME,
              "0:0"));
    }
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    layer.addEntry(
        new FileEntry(
            tmp,
            AbsoluteUnixPath.get("/tmp"),
            FilePermissions.fromOctalString("777"),
            FILE_TIME,
            "0:0"));

    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", JAVA_HOME + "/bin:/usr/local/bin:/usr/bin:/bin");
    env.put("JAVA_HOME", JAVA_HOME);
    env.put("LANG", "C.UTF-8");
    return Jib.fromScratch()
        .setFormat(ImageFormat.OCI)
        .setPlatforms(Set.of(new Platform(architecture(), "linux")))
        .addFileEntriesLayer(layer.build())
        .setEnvironment(env)
        .setUser(USER)
        .setLabels(
            Map.of(
                "org.opencontainers.image.title",
                "java-17-runtime",
                "org.opencontainers.image.description",
                "Java " + System.getProperty("java.runtime.version") + " runtime for Percorsi"))
        .containerize(
            Containerizer.to(RegistryImage.named(reference))
                .setAllowInsecureRegistries(true)
                .setToolName("percorsi-deploy-images"));
  }

  /** The OCI architecture of this machine (the runtime's native code is this machine's). */
  static String architecture() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }

  /** The runtime directory: jlink'd once per JDK version and kept, else the JDK's own. */
  static Path runtime() throws IOException, InterruptedException {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path jlink = javaHome.resolve("bin/jlink");
    Path jmods = javaHome.resolve("jmods");
    if (!Files.isExecutable(jlink) || !Files.isDirectory(jmods)) {
      // A JDK without jmods (or a JRE): its own runtime, links resolved, without what only
      // development uses.
      return javaHome;
    }
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "percorsi", "java-runtime")
            .resolve(System.getProperty("java.runtime.version") + "-" + MODULES.hashCode());
    if (Files.isExecutable(cache.resolve("bin/java"))) {
      return cache;
    }
    Files.createDirectories(cache.getParent());
    Path partial =
        cache.resolveSibling(cache.getFileName() + ".partial-" + ProcessHandle.current().pid());
    List<String> command =
        List.of(
            jlink.toString(),
            "--add-modules",
            String.join(",", MODULES),
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--output",
            partial.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError("jlink failed: " + String.join(" ", command) + "\n" + out);
    }
    try {
      Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      if (!Files.isExecutable(cache.resolve("bin/java"))) {
        throw raced;
      }
      deleteTree(partial);
    }
    return cache;
  }

  private static final Set<String> DEVELOPMENT_ONLY =
      Set.of("jmods", "include", "man", "demo", "src.zip", "ct.sym");

  private static void addTree(FileEntriesLayer.Builder layer, Path root, AbsoluteUnixPath target)
      throws IOException {
    try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = root.relativize(file);
        if (relative.toString().isEmpty() || excluded(relative)) {
          continue;
        }
        Path real = file.toRealPath();
        layer.addEntry(
            new FileEntry(
                real, target.resolve(relative.toString()), permissions(real), FILE_TIME, "0:0"));
      }
    }
  }

  private static boolean excluded(Path relative) {
    for (Path part : relative) {
      if (DEVELOPMENT_ONLY.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static FilePermissions permissions(Path file) throws IOException {
    Set<PosixFilePermission> posix = Files.getPosixFilePermissions(file);
    boolean executable =
        Files.isDirectory(file) || posix.contains(PosixFilePermission.OWNER_EXECUTE);
    return FilePermissions.fromOctalString(executable ? "755" : "644");
  }

  /**
   * The libraries the runtime's native code loads, as {@code ldd} resolves them on this machine, at
   * the same paths in the image (the ELF interpreter included); libraries of the runtime itself and
   * desktop-only code are left out.
   */
  static Set<Path> sharedLibraries(Path runtime) throws IOException, InterruptedException {
    List<Path> binaries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(runtime, FileVisitOption.FOLLOW_LINKS)) {
      files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                String name = f.getFileName().toString();
                boolean nativeCode =
                    (name.endsWith(".so") && !DESKTOP_ONLY.matcher(name).matches())
                        || f.getParent().getFileName().toString().equals("bin");
                return nativeCode && !excluded(runtime.relativize(f));
              })
          .forEach(binaries::add);
    }
    Set<String> ownLibraries = new TreeSet<>();
    try (Stream<Path> files = Files.walk(runtime, FileVisitOption.FOLLOW_LINKS)) {
      files.forEach(f -> ownLibraries.add(f.getFileName().toString()));
    }
    Set<Path> libraries = new TreeSet<>();
    Path realRuntime = runtime.toRealPath();
    for (Path binary : binaries) {
      Process p = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      for (String line : out.split("\n")) {
        if (line.contains("not found")) {
          // The runtime's own libraries (libjvm.so) are found through the one already loaded.
          String name = line.trim().split("\\s+")[0];
          if (ownLibraries.contains(name)) {
            continue;
          }
          throw new AssertionError("ldd " + binary + ": a library is missing:\n" + out);
        }
        Matcher m = LDD_LINE.matcher(line);
        if (!m.matches()) {
          continue;
        }
        Path library = Path.of(m.group(1)).normalize();
        if (!library.toRealPath().startsWith(realRuntime)
            && !library.startsWith(runtime)
            && Files.exists(library, LinkOption.NOFOLLOW_LINKS)) {
          libraries.add(library);
        }
      }
    }
    if (libraries.stream().noneMatch(l -> l.getFileName().toString().startsWith("libc.so"))) {
      throw new AssertionError("ldd found no C library for " + binaries);
    }
    return libraries;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
