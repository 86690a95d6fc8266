package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import it.percorsi.testkit.KeycloakServer;
import it.percorsi.testkit.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} is the merged OpenAPI the gateway serves at {@code /openapi}, checked
 * in: the build generates percorsi-client and lints from it without a running platform. Fails when
 * the live document differs; {@code -Dpercorsi.contracts.update=true} writes the live one there.
 * The Keycloak URL of the test realm is written as the local one ({@code ./percorsi up}).
 */
class OpenApiSnapshotTest {

  static final String UPDATE =
      "./mvnw -pl participant-service,dote-service,plan-service,placement-service,"
          + "webhook-service,gateway,system-tests -am verify -Dtest=OpenApiSnapshotTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dpercorsi.contracts.update=true";

  private static final String LOCAL_REALM = "http://127.0.0.1:8180/realms/percorsi";

  static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES));

  static Path file() {
    return ProjectPaths.root().resolve("docs/openapi.yaml");
  }

  /** The merged document the gateway serves, with the local Keycloak URL. */
  static JsonNode live() throws java.io.IOException {
    String live =
        given()
            .baseUri(Stack.get().gateway())
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .replace(KeycloakServer.realmUrl(), LOCAL_REALM);
    return new ObjectMapper().readTree(live);
  }

  @Test
  void theCheckedInDocumentIsTheOneTheGatewayServes() throws Exception {
    JsonNode served = live();
    if (Boolean.getBoolean("percorsi.contracts.update")) {
      Files.writeString(file(), YAML.writeValueAsString(served));
    }
    assertThat(Files.exists(file())).as(file() + " exists; write it with: " + UPDATE).isTrue();
    JsonNode committed = YAML.readTree(file().toFile());
    assertThat(committed)
        .as(
            "docs/openapi.yaml is not the merged OpenAPI the gateway serves; regenerate it with: "
                + UPDATE)
        .isEqualTo(served);
  }
}
