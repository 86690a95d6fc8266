package it.percorsi.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout and its git-ignored runtime folder are. */
public final class ProjectPaths {
  private ProjectPaths() {}

  /**
   * The root of the checkout: {@code -Dpercorsi.root}, else the nearest folder with {@code
   * deploy/}.
   */
  public static Path root() {
    String configured = System.getProperty("percorsi.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find the project root; set -Dpercorsi.root");
  }

  /** Runtime data of tests: {@code <root>/.run/test}. */
  public static Path testRuntime() {
    return root().resolve(".run").resolve("test");
  }
}
