package it.percorsi.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The services' OCI images, built by their own Quarkus build (Jib, no Docker) on a Java 17 runtime
 * base and pushed to a real registry (Debian's docker-registry, started here), checked through the
 * registry API against what deploy/k8s expects of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceImagesTest {

  static final Path ROOT =
      Path.of(System.getProperty("percorsi.root", "../..")).toAbsolutePath().normalize();
  static final List<String> SERVICES =
      List.of(
          "participant-service",
          "dote-service",
          "plan-service",
          "placement-service",
          "webhook-service",
          "gateway",
          "console");
  static final String ENTRYPOINT_JAR = "/deployments/quarkus-run.jar";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private LocalRegistry registry;
  private Path work;
  private RegistryApi api;
  private String group;
  private String tag;
  private final Map<String, Image> images = new LinkedHashMap<>();
  private final Map<String, JsonNode> deployments = new LinkedHashMap<>();

  record Image(
      RegistryApi.Manifest manifest, byte[] configBlob, JsonNode config, String repository) {}

  @BeforeAll
  void buildAndPushEveryImage() throws Exception {
    group = pomProperty("percorsi.image.group");
    tag = pomProperty("percorsi.image.tag");
    Path target = Files.createDirectories(Path.of("target")).toAbsolutePath();
    work = Files.createTempDirectory(target, "images-");
    registry = LocalRegistry.start(work.resolve("registry"));
    api = new RegistryApi(registry);
    String base = registry.address() + "/percorsi/java-17-runtime:17";
    RuntimeBaseImage.push(base, work);
    ServiceImageBuild.pushAll(
        ROOT, SERVICES, registry.address(), base, work.resolve("image-build.log"));
    for (String service : SERVICES) {
      String repository = group + "/" + service;
      RegistryApi.Manifest manifest = api.manifest(repository, tag);
      byte[] config = api.blob(repository, manifest.json().path("config").path("digest").asText());
      images.put(service, new Image(manifest, config, RegistryApi.json(config), repository));
      deployments.put(service, deployment(service));
    }
  }

  /** Stops the registry and drops what it stored (about 400 MB); the logs stay. */
  @AfterAll
  void stopRegistry() throws IOException {
    if (registry != null) {
      registry.close();
    }
    if (work != null) {
      Path storage = work.resolve("registry/storage");
      if (Files.exists(storage)) {
        try (var files = Files.walk(storage)) {
          for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(f);
          }
        }
      }
    }
  }

  @Test
  void everyImageIsAnOciOrDockerV2ManifestWhoseBlobsTheRegistryHolds() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (var e : images.entrySet()) {
      Image image = e.getValue();
      JsonNode m = image.manifest().json();
      String service = e.getKey();
      soft.assertThat(m.path("schemaVersion").asInt()).as(service + " schemaVersion").isEqualTo(2);
      String type = m.path("mediaType").asText(image.manifest().contentType());
      soft.assertThat(type)
          .as(service + " manifest media type")
          .isIn(RegistryApi.OCI_MANIFEST, RegistryApi.DOCKER_MANIFEST);
      soft.assertThat(image.manifest().digest())
          .as(service + " manifest digest")
          .isEqualTo(RegistryApi.sha256(image.manifest().body()));
      String configType = m.path("config").path("mediaType").asText();
      soft.assertThat(configType)
          .as(service + " config media type")
          .isEqualTo(
              type.equals(RegistryApi.OCI_MANIFEST)
                  ? RegistryApi.OCI_CONFIG
                  : RegistryApi.DOCKER_CONFIG);
      soft.assertThat(RegistryApi.sha256(image.configBlob()))
          .as(service + " config digest")
          .isEqualTo(m.path("config").path("digest").asText());
      JsonNode layers = m.path("layers");
      // The runtime base layer and the fast-jar's layers (libraries, quarkus-run.jar, app,
      // quarkus).
      soft.assertThat(layers.size()).as(service + " layers").isGreaterThanOrEqualTo(4);
      soft.assertThat(image.config().path("rootfs").path("diff_ids").size())
          .as(service + " diff_ids, one per layer")
          .isEqualTo(layers.size());
      for (JsonNode layer : layers) {
        String digest = layer.path("digest").asText();
        soft.assertThat(api.blobSize(image.repository(), digest))
            .as(service + " layer " + digest)
            .isEqualTo(layer.path("size").asLong());
      }
      soft.assertThat(image.config().path("os").asText()).as(service + " os").isEqualTo("linux");
      soft.assertThat(image.config().path("architecture").asText())
          .as(service + " architecture")
          .isEqualTo(RuntimeBaseImage.architecture());
    }
    soft.assertAll();
  }

  @Test
  void everyImageRunsAsTheNonRootUserItsDeploymentRunsAs() {
    SoftAssertions soft = new SoftAssertions();
    for (var e : images.entrySet()) {
      String user = e.getValue().config().path("config").path("User").asText();
      JsonNode pod = deployments.get(e.getKey()).path("spec").path("template").path("spec");
      String expected =
          pod.path("securityContext").path("runAsUser").asText()
              + ":"
              + pod.path("securityContext").path("runAsGroup").asText();
      soft.assertThat(user).as(e.getKey() + " user").isEqualTo(expected).isEqualTo("185:185");
      soft.assertThat(user.split(":")[0]).as(e.getKey() + " uid").isNotIn("0", "root", "");
    }
    soft.assertAll();
  }

  @Test
  void everyImageStartsItsFastJarWithTheJvmOptionsItsDeploymentSets() {
    SoftAssertions soft = new SoftAssertions();
    for (var e : images.entrySet()) {
      JsonNode config = e.getValue().config().path("config");
      List<String> entrypoint = strings(config.path("Entrypoint"));
      soft.assertThat(entrypoint)
          .as(e.getKey() + " entrypoint")
          .containsExactly(
              "java",
              "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
              "-jar",
              ENTRYPOINT_JAR);
      soft.assertThat(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull())
          .as(e.getKey() + " has no Cmd")
          .isTrue();
      Map<String, String> env = env(config);
      soft.assertThat(env.get("PATH"))
          .as(e.getKey() + " PATH reaches java")
          .startsWith(RuntimeBaseImage.JAVA_HOME + "/bin:");
      JsonNode container = container(e.getKey());
      String deploymentOptions = null;
      for (JsonNode var : container.path("env")) {
        if (var.path("name").asText().equals("JDK_JAVA_OPTIONS")) {
          deploymentOptions = var.path("value").asText();
        }
      }
      soft.assertThat(deploymentOptions)
          .as(e.getKey() + " Deployment sets JDK_JAVA_OPTIONS")
          .isNotNull()
          .contains("-XX:MaxRAMPercentage=")
          .contains("-XX:+ExitOnOutOfMemoryError")
          .contains("-Djava.io.tmpdir=/tmp");
      soft.assertThat(env.get("JDK_JAVA_OPTIONS"))
          .as(e.getKey() + " image default JDK_JAVA_OPTIONS")
          .isEqualTo(deploymentOptions);
      soft.assertThat(config.path("WorkingDir").asText())
          .as(e.getKey() + " working directory")
          .isEqualTo("/deployments");
    }
    soft.assertAll();
  }

  @Test
  void everyImageExposesTheContainerPortsOfItsDeploymentAndCarriesItsLabels() {
    SoftAssertions soft = new SoftAssertions();
    for (var e : images.entrySet()) {
      JsonNode config = e.getValue().config().path("config");
      List<String> exposed = new ArrayList<>();
      config.path("ExposedPorts").fieldNames().forEachRemaining(exposed::add);
      List<String> declared = new ArrayList<>();
      for (JsonNode port : container(e.getKey()).path("ports")) {
        declared.add(port.path("containerPort").asInt() + "/tcp");
      }
      soft.assertThat(exposed)
          .as(e.getKey() + " exposed ports")
          .containsExactlyInAnyOrderElementsOf(declared);
      JsonNode labels = config.path("Labels");
      soft.assertThat(labels.path("org.opencontainers.image.title").asText())
          .as(e.getKey() + " title label")
          .isEqualTo(e.getKey());
      soft.assertThat(labels.path("org.opencontainers.image.version").asText())
          .as(e.getKey() + " version label")
          .isEqualTo(tag);
    }
    soft.assertAll();
  }

  /**
   * The build names an image {@code <percorsi.image.registry>/<percorsi.image.group>/<service>:
   * <percorsi.image.tag>}; here it pushed {@code <group>/<service>:<tag>} to the test registry, and
   * every overlay, after its images: transformations, runs exactly that name on the default
   * registry.
   */
  @Test
  void theOverlaysRunTheImagesByTheNamesTheBuildGivesThem() throws IOException {
    String registryName = pomProperty("percorsi.image.registry");
    SoftAssertions soft = new SoftAssertions();
    for (String service : SERVICES) {
      soft.assertThat(images.get(service).repository()).isEqualTo(group + "/" + service);
    }
    List<Map<String, String>> baseImages = kustomizeImages(ROOT.resolve("deploy/k8s/base"));
    for (String overlay : List.of("dev", "prod")) {
      List<Map<String, String>> overlayImages =
          kustomizeImages(ROOT.resolve("deploy/k8s/overlays").resolve(overlay));
      for (String service : SERVICES) {
        String image = container(service).path("image").asText();
        String rendered = apply(overlayImages, apply(baseImages, image));
        soft.assertThat(rendered)
            .as(overlay + ": image of " + service)
            .isEqualTo(registryName + "/" + group + "/" + service + ":" + tag);
      }
    }
    soft.assertAll();
  }

  // --- deploy/k8s ----------------------------------------------------------------------------

  private JsonNode deployment(String service) throws IOException {
    Path file = ROOT.resolve("deploy/k8s/base/apps").resolve(service + ".yaml");
    try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc.path("kind").asText().equals("Deployment")) {
          return doc;
        }
      }
    }
    throw new AssertionError("no Deployment in " + file);
  }

  private JsonNode container(String service) {
    for (JsonNode c :
        deployments.get(service).path("spec").path("template").path("spec").path("containers")) {
      if (c.path("name").asText().equals(service)) {
        return c;
      }
    }
    throw new AssertionError("no container " + service + " in its Deployment");
  }

  private static List<Map<String, String>> kustomizeImages(Path dir) throws IOException {
    JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
    List<Map<String, String>> images = new ArrayList<>();
    for (JsonNode i : k.path("images")) {
      Map<String, String> m = new LinkedHashMap<>();
      i.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
      images.add(m);
    }
    return images;
  }

  /** kustomize's images: transformer on one reference (name, newName, newTag, digest). */
  static String apply(List<Map<String, String>> transforms, String image) {
    Matcher m = Pattern.compile("^([^@]+?)(?::([^:/@]+))?(?:@(.+))?$").matcher(image);
    if (!m.matches()) {
      throw new AssertionError("not an image reference: " + image);
    }
    String name = m.group(1);
    String tagPart = m.group(2);
    String digest = m.group(3);
    for (Map<String, String> t : transforms) {
      if (t.get("name").equals(name)) {
        name = t.getOrDefault("newName", name);
        if (t.containsKey("newTag")) {
          tagPart = t.get("newTag");
        }
        if (t.containsKey("digest")) {
          digest = t.get("digest");
        }
        break;
      }
    }
    return name + (tagPart != null ? ":" + tagPart : "") + (digest != null ? "@" + digest : "");
  }

  // --- helpers -------------------------------------------------------------------------------

  static String pomProperty(String name) throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    if (!m.find()) {
      throw new AssertionError("no property " + name + " in the parent pom");
    }
    return m.group(1).trim();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Map<String, String> env(JsonNode config) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode var : config.path("Env")) {
      String s = var.asText();
      int eq = s.indexOf('=');
      env.put(s.substring(0, eq), s.substring(eq + 1));
    }
    return env;
  }
}
