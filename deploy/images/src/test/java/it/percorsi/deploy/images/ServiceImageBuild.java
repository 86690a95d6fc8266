package it.percorsi.deploy.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The services' own image build, as README tells an operator to run it: {@code package} with {@code
 * quarkus.container-image.push=true} (Quarkus' Jib extension) in a child Maven of this checkout,
 * offline, pushing to the given registry on the given base. Its output goes to {@code
 * target/image-build} of each service (the packaged {@code target/quarkus-app} the system tests
 * start stays as it is).
 */
final class ServiceImageBuild {

  private ServiceImageBuild() {}

  static void pushAll(Path root, List<String> services, String registry, String base, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("mvnw").toString());
    command.addAll(
        List.of(
            "-B",
            "-ntp",
            "-o",
            "-pl",
            String.join(",", services),
            // The platform modules too: Maven resolves a module's dependencies from the reactor
            // only for the modules of the build. Their compiled output is current: only
            // packaging runs again.
            "-am",
            "package",
            "-Dmaven.test.skip=true",
            "-Dquarkus.container-image.push=true",
            "-Dpercorsi.image.registry=" + registry,
            "-Dpercorsi.image.base=" + base,
            "-Dquarkus.container-image.insecure=true",
            "-Dquarkus.package.output-directory=image-build"));
    if (!RuntimeBaseImage.architecture().equals("amd64")) {
      command.add("-Dquarkus.jib.platforms=linux/" + RuntimeBaseImage.architecture());
    }
    Process p =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!p.waitFor(6, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("the image build did not finish in 6 min; see " + log);
    }
    if (p.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log);
      throw new AssertionError(
          String.join(" ", command)
              + " failed (exit "
              + p.exitValue()
              + "):\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
    }
  }
}
