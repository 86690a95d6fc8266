package it.percorsi.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** The registry HTTP API v2, read-only: manifests, blobs, tags. */
final class RegistryApi {

  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalRegistry registry;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RegistryApi(LocalRegistry registry) {
    this.registry = registry;
  }

  /** A manifest as the registry serves it, with its content type and digest. */
  record Manifest(String contentType, String digest, byte[] body, JsonNode json) {}

  Manifest manifest(String repository, String reference) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(registry.api(repository + "/manifests/" + reference))
                .header("Accept", OCI_MANIFEST + ", " + DOCKER_MANIFEST)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "GET manifest "
              + repository
              + ":"
              + reference
              + " -> "
              + r.statusCode()
              + " "
              + new String(r.body()));
    }
    return new Manifest(
        r.headers().firstValue("Content-Type").orElse(""),
        r.headers().firstValue("Docker-Content-Digest").orElse(""),
        r.body(),
        JSON.readTree(r.body()));
  }

  byte[] blob(String repository, String digest) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(registry.api(repository + "/blobs/" + digest))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET blob " + repository + "@" + digest + " -> " + r.statusCode());
    }
    return r.body();
  }

  /** The size the registry reports for a blob (HEAD), or -1 when it has none. */
  long blobSize(String repository, String digest) throws IOException, InterruptedException {
    HttpResponse<Void> r =
        http.send(
            HttpRequest.newBuilder(registry.api(repository + "/blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return r.statusCode() == 200 ? r.headers().firstValueAsLong("Content-Length").orElse(-1) : -1;
  }

  JsonNode tags(String repository) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(registry.api(repository + "/tags/list"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return JSON.readTree(r.body());
  }

  static JsonNode json(byte[] body) throws IOException {
    return JSON.readTree(body);
  }

  static String sha256(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
