package it.percorsi.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The realm material of the overlays: generated from deploy/keycloak/realm-percorsi.json and up to
 * date, and the prod overlay imports no demo material (users, client secrets).
 */
class RealmImportTest {

  @Test
  void generatedRealmFilesAreUpToDate() throws Exception {
    Process p =
        new ProcessBuilder("python3", "deploy/k8s/tools/realm-import.py", "--check")
            .directory(Render.ROOT.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("realm-import.py --check:\n" + out).isZero();
  }

  @Test
  void prodImportsNoDemoUsersOrSecrets() {
    JsonNode realm =
        Render.overlay("prod").stream()
            .filter(o -> o.path("kind").asText().equals("KeycloakRealmImport"))
            .findFirst()
            .orElseThrow()
            .path("spec")
            .path("realm");
    assertThat(realm.path("users").size()).as("users of the prod realm").isZero();
    assertThat(realm.findValues("secret")).as("client secrets in the prod realm").isEmpty();
    assertThat(realm.toString()).doesNotContainIgnoringCase("demo");
  }
}
