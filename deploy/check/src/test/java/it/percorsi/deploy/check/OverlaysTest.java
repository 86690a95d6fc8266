package it.percorsi.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both overlays render, every object is valid against its pinned schema, and the rules hold. */
class OverlaysTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectMatchesItsPinnedSchema(String overlay) {
    List<ObjectNode> objects = Render.overlay(overlay);
    assertThat(objects).as("objects of overlays/" + overlay).hasSizeGreaterThan(40);
    assertThat(Schemas.problems(objects)).as("schema problems of overlays/" + overlay).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void portsEnvironmentConnectionsAclsAndKeycloakHold(String overlay) {
    assertThat(ManifestChecks.problems(Render.overlay(overlay)))
        .as("problems of overlays/" + overlay)
        .isEmpty();
  }
}
